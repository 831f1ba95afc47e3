#include "output/zip_bundle.h"

#include <zip.h>

namespace agora {

namespace {

// DOS date for 1980-01-01: (year - 1980) << 9 | month << 5 | day.
constexpr zip_uint16_t kDosDate = (0 << 9) | (1 << 5) | 1;
constexpr zip_uint16_t kDosTime = 0;
constexpr zip_uint32_t kUnixMode0644 = 0100644u << 16;

std::string zip_error(zip_t* archive) { return zip_strerror(archive); }

bool add_entry(zip_t* archive, const std::string& path, const std::string& bytes,
               std::string* err) {
  // The buffer is not copied (freep 0): `files` outlives zip_close.
  zip_source_t* source = zip_source_buffer(archive, bytes.data(), bytes.size(), 0);
  if (!source) {
    *err = "zip: " + zip_error(archive);
    return false;
  }
  zip_int64_t index = zip_file_add(archive, path.c_str(), source, ZIP_FL_ENC_UTF_8);
  if (index < 0) {
    zip_source_free(source);
    *err = "zip: cannot add " + path + ": " + zip_error(archive);
    return false;
  }
  auto i = static_cast<zip_uint64_t>(index);
  if (zip_set_file_compression(archive, i, ZIP_CM_DEFLATE, 9) != 0 ||
      zip_file_set_dostime(archive, i, kDosTime, kDosDate, 0) != 0 ||
      zip_file_set_external_attributes(archive, i, 0, ZIP_OPSYS_UNIX, kUnixMode0644) != 0) {
    *err = "zip: cannot set attributes of " + path + ": " + zip_error(archive);
    return false;
  }
  return true;
}

}  // namespace

bool write_zip(const SiteFiles& files, const std::string& zip_path, std::string* err) {
  // libzip deletes the archive instead of writing an empty one.
  if (files.empty()) {
    *err = "zip: no files to write to " + zip_path;
    return false;
  }
  int code = 0;
  zip_t* archive = zip_open(zip_path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &code);
  if (!archive) {
    zip_error_t error;
    zip_error_init_with_code(&error, code);
    *err = "zip: cannot open " + zip_path + ": " + zip_error_strerror(&error);
    zip_error_fini(&error);
    return false;
  }
  for (const auto& [path, bytes] : files) {
    if (!is_safe_relative_path(path)) {
      *err = "zip: unsafe path \"" + path + "\"";
      zip_discard(archive);
      return false;
    }
    if (!add_entry(archive, path, bytes, err)) {
      zip_discard(archive);
      return false;
    }
  }
  if (zip_close(archive) != 0) {
    *err = "zip: cannot write " + zip_path + ": " + zip_error(archive);
    zip_discard(archive);
    return false;
  }
  return true;
}

}  // namespace agora
