#pragma once
// A streaming JSON writer that produces the bytes JSON.stringify would, for
// output too large to hold as a DOM (a 10,000-page index is ~300 MB). It
// buffers and flushes to the stream in large blocks; callers place commas.
#include <cstdint>
#include <cstring>
#include <ostream>
#include <string>
#include <string_view>

namespace agora {

// Appends `text` (UTF-8) as a JSON string literal, escaped like
// JSON.stringify: \" \\ \b \f \n \r \t, other controls as \u00xx.
void append_json_string(std::string& out, std::string_view text);

// Formats into a block of its own and appends the block to `out` when it is
// full and when destroyed: one append per few kilobytes, where appending
// each comma, key and number to the string cost a call and a size check
// apiece (formatting was a third of `agora index`). Nothing else may append
// to `out` while an appender is open on it.
class BlockAppender {
 public:
  static constexpr size_t kBlock = 4096;

  explicit BlockAppender(std::string& out) : out_(out) {}
  ~BlockAppender() { flush(); }
  BlockAppender(const BlockAppender&) = delete;
  BlockAppender& operator=(const BlockAppender&) = delete;

  // Where to write at most `room` bytes (room <= kBlock); then done(end).
  char* at(size_t room) {
    if (static_cast<size_t>(block_ + kBlock - next_) < room) flush();
    return next_;
  }
  void done(char* end) { next_ = end; }

  void put(char c) {
    char* p = at(1);
    *p = c;
    next_ = p + 1;
  }
  void put(std::string_view text) {
    if (text.size() > kBlock) {
      flush();
      out_.append(text);
      return;
    }
    char* p = at(text.size());
    std::memcpy(p, text.data(), text.size());
    next_ = p + text.size();
  }
  void flush() {
    out_.append(block_, next_);
    next_ = block_;
  }

 private:
  std::string& out_;
  char block_[kBlock];
  char* next_ = block_;
};

class JsonWriter {
 public:
  explicit JsonWriter(std::ostream& out, size_t flush_at = 1 << 20);
  ~JsonWriter();  // flushes
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;

  void raw(std::string_view text);
  void raw(char c) { buffer_.push_back(c); }
  void string(std::string_view text) {
    append_json_string(buffer_, text);
    maybe_flush();
  }
  void number(double value);
  void integer(uint64_t value);
  void flush();
  // The stream refused a write: what follows would be lost, so a caller
  // with much left to format may stop.
  bool failed() const { return out_.fail(); }
  // Bytes handed to the stream so far, taken or not.
  size_t handed() const { return handed_; }

  // The buffer, for callers that format many small items in place.
  std::string& buffer() { return buffer_; }
  void maybe_flush() {
    if (buffer_.size() >= flush_at_) flush();
  }

 private:
  std::ostream& out_;
  std::string buffer_;
  size_t flush_at_;
  size_t handed_ = 0;
};

}  // namespace agora
