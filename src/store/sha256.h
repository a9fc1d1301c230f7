// SHA-256 (FIPS 180-4) of byte strings, for the archive's content hashes; OpenSSL's libcrypto does
// the hashing (it uses the CPU's SHA extensions where present), loaded with dlopen on first use
// (sha256.cc says why). Aborts with a message when libcrypto.so.3 cannot be loaded.
#ifndef CABLEBASE_STORE_SHA256_H_
#define CABLEBASE_STORE_SHA256_H_

#include <memory>
#include <string>
#include <string_view>

struct evp_md_ctx_st;

namespace cablebase::store {

// Incremental SHA-256. Owned by value (movable); not thread-safe (one per thread). Construction
// aborts only if libcrypto cannot allocate a context (out of memory).
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(Sha256&&) noexcept;
  Sha256& operator=(Sha256&&) noexcept;
  void Update(std::string_view bytes);
  // The digest as 64 lower-case hex digits. Call once; the object is spent afterwards.
  std::string HexDigest();

 private:
  struct Free {
    void operator()(evp_md_ctx_st* ctx) const;
  };
  std::unique_ptr<evp_md_ctx_st, Free> ctx_;
};

}  // namespace cablebase::store

#endif  // CABLEBASE_STORE_SHA256_H_
