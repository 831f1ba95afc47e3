#pragma once
// The output record: what a build left in its output folder, file by file,
// with the stamp the kernel gave each one (see FileStamp). The next build
// knows a live file unchanged from one stat, without reading it, and keeps
// a compressed copy made from bytes it still has without decompressing or
// making it again. That proof was a third of a one-edit rebuild's CPU.
//
// The record sits in the compression cache, which is not trusted (a cache
// restored in CI may come from anyone): an entry counts only while the live
// file's stamp is the recorded one, inode and nanoseconds, which no one can
// plant without writing this machine's output folder. As git does with its
// index, an entry whose file changed in the same clock tick the record was
// written is not trusted either: an edit in that tick would leave the
// stamp as it was.

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "util/file_system.h"

namespace agora {

struct RecordedFile {
  std::string path;  // relative to the output folder
  uint64_t bytes = 0;
  std::string sha256;
  FileStamp stamp;
  bool copy = false;  // a compressed copy the build made (PATH.gz, PATH.br)
};

class OutputRecord {
 public:
  // The record at `path`, kept for out_dir by a build whose compressed
  // copies `compression` names (see precompress_tag); empty when there is
  // none, it is malformed, or it was kept for another folder or another
  // compression.
  static OutputRecord load(const FileSystem& fs, const std::string& path,
                           const std::string& out_dir, const std::string& compression);

  // The entry of a file of out_dir that still is what the record says, or
  // null: `live` is the file's stamp now (none: null).
  const RecordedFile* untouched(const std::string& path,
                                const std::optional<FileStamp>& live) const;
  // The entry, stamp unchecked.
  const RecordedFile* find(const std::string& path) const;
  size_t size() const { return files_.size(); }
  // What the build that kept the record saved of its inputs (see
  // save_output_record); "" when none.
  const std::string& inputs() const { return inputs_; }

 private:
  std::unordered_map<std::string, RecordedFile> files_;
  std::string inputs_;
};

// Stamps every file of `files` (paths relative to out_dir, read through
// out_fs) on up to `threads` threads and writes the record to `path`
// through fs, atomically. A file whose `stamped` flag (same index; an
// empty vector flags none) is set keeps the stamp it has: the caller took
// it, and nothing has touched the file since. A record that cannot be
// written costs the next build time, nothing else: false and *err, for the
// caller to ignore. `inputs`, lines of text with no "\r", is kept with the
// record: what the files were made from (see output/site_inputs.h), for
// the next build to compare.
bool save_output_record(FileSystem& fs, const std::string& path, const FileSystem& out_fs,
                        const std::string& out_dir, const std::string& compression,
                        std::vector<RecordedFile> files, unsigned threads, std::string* err,
                        std::vector<char> stamped = {}, const std::string& inputs = "");

}  // namespace agora
