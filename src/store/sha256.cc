// SHA-256 through OpenSSL's EVP interface (see sha256.h), libcrypto loaded on first use.
#include "store/sha256.h"

#include <dlfcn.h>
#include <openssl/evp.h>

#include <cstdio>
#include <cstdlib>
#include <mutex>

namespace cablebase::store {

namespace {

// libcrypto's EVP functions, resolved once with dlopen: linked into the executable, libcrypto
// costs every process ~6 ms of CPU at start (loading and relocating it; issue 12), and only
// writing cables hashes anything (`search`, `show`, `stats` never do).
struct Crypto {
  decltype(&EVP_MD_CTX_new) ctx_new = nullptr;
  decltype(&EVP_MD_CTX_free) ctx_free = nullptr;
  decltype(&EVP_sha256) sha256 = nullptr;
  decltype(&EVP_DigestInit_ex) init = nullptr;
  decltype(&EVP_DigestUpdate) update = nullptr;
  decltype(&EVP_DigestFinal_ex) final = nullptr;
};

const Crypto& LibCrypto() {
  static Crypto c;
  static std::once_flag once;
  std::call_once(once, [] {
    // The soname of the OpenSSL 3 that libssl-dev (scripts/setup.sh) builds against.
    void* h = ::dlopen("libcrypto.so.3", RTLD_NOW | RTLD_LOCAL);
    auto sym = [h](const char* name) { return h ? ::dlsym(h, name) : nullptr; };
    c.ctx_new = reinterpret_cast<decltype(c.ctx_new)>(sym("EVP_MD_CTX_new"));
    c.ctx_free = reinterpret_cast<decltype(c.ctx_free)>(sym("EVP_MD_CTX_free"));
    c.sha256 = reinterpret_cast<decltype(c.sha256)>(sym("EVP_sha256"));
    c.init = reinterpret_cast<decltype(c.init)>(sym("EVP_DigestInit_ex"));
    c.update = reinterpret_cast<decltype(c.update)>(sym("EVP_DigestUpdate"));
    c.final = reinterpret_cast<decltype(c.final)>(sym("EVP_DigestFinal_ex"));
    if (!c.ctx_new || !c.ctx_free || !c.sha256 || !c.init || !c.update || !c.final) {
      const char* why = ::dlerror();
      std::fprintf(stderr, "cablebase: cannot load libcrypto.so.3 (OpenSSL 3) for SHA-256: %s\n",
                   why ? why : "a function is missing");
      std::abort();
    }
  });
  return c;
}

}  // namespace

void Sha256::Free::operator()(evp_md_ctx_st* ctx) const { LibCrypto().ctx_free(ctx); }

Sha256::Sha256() : ctx_(LibCrypto().ctx_new()) {
  if (!ctx_ || LibCrypto().init(ctx_.get(), LibCrypto().sha256(), nullptr) != 1) std::abort();
}

Sha256::~Sha256() = default;
Sha256::Sha256(Sha256&&) noexcept = default;
Sha256& Sha256::operator=(Sha256&&) noexcept = default;

void Sha256::Update(std::string_view bytes) {
  if (!bytes.empty()) LibCrypto().update(ctx_.get(), bytes.data(), bytes.size());
}

std::string Sha256::HexDigest() {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  LibCrypto().final(ctx_.get(), digest, &n);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(2 * n);
  for (unsigned int i = 0; i < n; ++i) {
    out.push_back(kHex[digest[i] >> 4]);
    out.push_back(kHex[digest[i] & 15]);
  }
  return out;
}

}  // namespace cablebase::store
