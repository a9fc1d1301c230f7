// SHA-256 (FIPS 180-4) of byte strings, for the archive's content hashes.
#ifndef CABLEBASE_STORE_SHA256_H_
#define CABLEBASE_STORE_SHA256_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace cablebase::store {

// Incremental SHA-256. Owned by value; not thread-safe (one per thread).
class Sha256 {
 public:
  Sha256();
  void Update(std::string_view bytes);
  // The digest as 64 lower-case hex digits. Call once; the object is spent afterwards.
  std::string HexDigest();

 private:
  void Block(const uint8_t* p);
  std::array<uint32_t, 8> h_;
  uint8_t buf_[64];
  size_t buf_len_ = 0;
  uint64_t total_ = 0;  // bytes
};

}  // namespace cablebase::store

#endif  // CABLEBASE_STORE_SHA256_H_
