#include "output/output_record.h"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <string_view>
#include <utility>

#include "util/parallel.h"
#include "util/path.h"

namespace agora {

namespace {

constexpr std::string_view kHeader = "agora-output-record 2";
constexpr std::string_view kInputs = "inputs ";

template <typename Number>
void append_number(std::string& out, Number n) {
  char digits[24];
  const auto end = std::to_chars(digits, digits + sizeof digits, n).ptr;
  out.append(digits, static_cast<size_t>(end - digits));
}

// Splits off the text up to the next space (or the end) of *rest.
std::string_view field(std::string_view* rest) {
  const size_t space = rest->find(' ');
  std::string_view out = rest->substr(0, space);
  rest->remove_prefix(space == std::string_view::npos ? rest->size() : space + 1);
  return out;
}

template <typename Number>
bool number(std::string_view text, Number* out) {
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), *out);
  return ec == std::errc() && end == text.data() + text.size() && !text.empty();
}

// One line: BYTES SHA256 DEVICE INODE MTIME_NS CTIME_NS c|f PATH.
bool parse_line(std::string_view line, RecordedFile* file) {
  std::string_view rest = line;
  uint64_t bytes = 0;
  if (!number(field(&rest), &bytes)) return false;
  file->bytes = bytes;
  file->sha256 = std::string(field(&rest));
  FileStamp& stamp = file->stamp;
  stamp.size = static_cast<int64_t>(bytes);
  if (file->sha256.size() != 64 || !number(field(&rest), &stamp.device) ||
      !number(field(&rest), &stamp.inode) || !number(field(&rest), &stamp.mtime_ns) ||
      !number(field(&rest), &stamp.ctime_ns)) {
    return false;
  }
  const std::string_view kind = field(&rest);
  if (kind != "c" && kind != "f") return false;
  file->copy = kind == "c";
  file->path = std::string(rest);
  return !file->path.empty();
}

// The output folder as a record names it: one name however the build was
// given it ("public", "public/", "./public" or its absolute path), so that
// a build run from another folder, or by a script, still finds the record
// of the last one (without it every page is rendered and every file read).
std::string folder_key(const std::string& dir) {
  std::error_code ec;
  const std::filesystem::path absolute = std::filesystem::absolute(dir, ec);
  if (ec) return dir;
  const std::string key = std::filesystem::weakly_canonical(absolute, ec).generic_string();
  if (ec) return dir;
  return std::string(without_trailing_slashes(key));
}

}  // namespace

OutputRecord OutputRecord::load(const FileSystem& fs, const std::string& path,
                                const std::string& out_dir, const std::string& compression) {
  OutputRecord record;
  const std::optional<FileStamp> written = fs.stamp(path);
  std::string text, err;
  if (!written || !fs.read_file(path, &text, &err)) return record;
  std::string_view rest = text;
  auto next_line = [&rest](std::string_view* line) {
    const size_t end = rest.find('\n');
    if (end == std::string_view::npos) return false;
    *line = rest.substr(0, end);
    rest.remove_prefix(end + 1);
    return true;
  };
  std::string_view header, dir, compressed, line;
  if (!next_line(&header) || header != kHeader || !next_line(&dir) || dir != folder_key(out_dir) ||
      !next_line(&compressed) || compressed != compression) {
    return record;
  }
  // "inputs N", then N lines of them.
  std::string_view inputs;
  size_t input_lines = 0;
  if (!next_line(&inputs) || !inputs.starts_with(kInputs) ||
      !number(inputs.substr(kInputs.size()), &input_lines)) {
    return record;
  }
  for (size_t i = 0; i < input_lines; ++i) {
    if (!next_line(&line)) return OutputRecord();
    record.inputs_.append(line).append("\n");
  }
  while (next_line(&line)) {
    RecordedFile file;
    if (!parse_line(line, &file)) return OutputRecord();  // not one a build wrote: none
    // Changed in the tick the record was written: an edit in that tick
    // would have left the same stamp, so the entry proves nothing.
    if (file.stamp.ctime_ns >= written->mtime_ns) continue;
    std::string key = file.path;
    record.files_.emplace(std::move(key), std::move(file));
  }
  if (!rest.empty()) return OutputRecord();  // cut short
  if (record.files_.empty()) record.inputs_.clear();
  return record;
}

const RecordedFile* OutputRecord::find(const std::string& path) const {
  auto it = files_.find(path);
  return it == files_.end() ? nullptr : &it->second;
}

const RecordedFile* OutputRecord::untouched(const std::string& path,
                                            const std::optional<FileStamp>& live) const {
  const RecordedFile* file = find(path);
  return file && live && *live == file->stamp ? file : nullptr;
}

bool save_output_record(FileSystem& fs, const std::string& path, const FileSystem& out_fs,
                        const std::string& out_dir, const std::string& compression,
                        std::vector<RecordedFile> files, unsigned threads, std::string* err,
                        std::vector<char> stamped, const std::string& inputs) {
  stamped.resize(files.size(), 0);
  parallel_for(
      files.size(),
      [&](size_t i) {
        if (stamped[i]) return;
        const std::optional<FileStamp> stamp = out_fs.stamp(join_path(out_dir, files[i].path));
        // A stamp that disagrees with the bytes recorded: a file changed
        // since it was written, which the next build must read.
        if (stamp && stamp->size == static_cast<int64_t>(files[i].bytes)) {
          files[i].stamp = *stamp;
          stamped[i] = 1;
        }
      },
      threads);
  std::string text;
  text.reserve(files.size() * 160);
  text.append(kHeader)
      .append("\n")
      .append(folder_key(out_dir))
      .append("\n")
      .append(compression)
      .append("\n");
  // Inputs that would break the format are not kept: the next build then
  // renders every page.
  const bool keep_inputs =
      inputs.find('\r') == std::string::npos && (inputs.empty() || inputs.back() == '\n');
  const size_t input_lines =
      keep_inputs ? static_cast<size_t>(std::count(inputs.begin(), inputs.end(), '\n')) : 0;
  text.append(kInputs);
  append_number(text, input_lines);
  text += '\n';
  if (input_lines) text.append(inputs);
  for (size_t i = 0; i < files.size(); ++i) {
    const RecordedFile& file = files[i];
    // A name with a line break would break the format; such a file is read.
    if (!stamped[i] || file.path.find_first_of("\r\n") != std::string::npos) continue;
    const FileStamp& s = file.stamp;
    // Numbers go in place, not through a string each: a line per file of
    // the site, on one core at the end of the build.
    append_number(text, file.bytes);
    text.append(" ").append(file.sha256).append(" ");
    append_number(text, s.device);
    text += ' ';
    append_number(text, s.inode);
    text += ' ';
    append_number(text, s.mtime_ns);
    text += ' ';
    append_number(text, s.ctime_ns);
    text.append(file.copy ? " c " : " f ").append(file.path) += '\n';
  }
  return fs.write_file_atomic(path, text, err);
}

}  // namespace agora
