#include "content/body_cache.h"

#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include "util/little_endian.h"

namespace agora {
namespace {

// Fixed-width little-endian numbers and length-prefixed strings: the bytes
// are read back only by the program that wrote them (the store's key holds
// its build ID), so no version is needed beyond the leading tag.
constexpr char kTag[] = "agora-body 1";

void put(std::string& out, uint64_t n) { append_le64(out, n); }
void put(std::string& out, std::string_view text) {
  put(out, text.size());
  out.append(text);
}

class Reader {
 public:
  explicit Reader(std::string_view bytes) : rest_(bytes) {}
  bool number(uint64_t* n) {
    if (rest_.size() < 8) return false;
    *n = read_le64(rest_.data());
    rest_.remove_prefix(8);
    return true;
  }
  bool integer(int* n) {
    uint64_t v = 0;
    if (!number(&v)) return false;
    *n = static_cast<int>(static_cast<int64_t>(v));
    return true;
  }
  bool text(std::string* s) {
    uint64_t size = 0;
    if (!number(&size) || size > rest_.size()) return false;
    s->assign(rest_.substr(0, size));
    rest_.remove_prefix(size);
    return true;
  }
  // A count of items each at least `min_bytes` long: no count can make the
  // reader reserve more than the bytes could hold.
  bool count(size_t* n, size_t min_bytes) {
    uint64_t v = 0;
    if (!number(&v) || v > rest_.size() / min_bytes) return false;
    *n = v;
    return true;
  }
  bool done() const { return rest_.empty(); }

 private:
  std::string_view rest_;
};

}  // namespace

std::string encode_body(const Document& doc, const Diagnostics& diags) {
  std::string out = kTag;
  put(out, doc.headings.size());
  for (const Heading& h : doc.headings) {
    put(out, uint64_t(int64_t(h.level)));
    put(out, h.text);
    put(out, h.id);
    put(out, uint64_t(int64_t(h.line)));
  }
  put(out, doc.links.size());
  for (const LinkReference& link : doc.links) {
    put(out, link.destination);
    put(out, uint64_t(link.is_image));
    put(out, uint64_t(int64_t(link.line)));
    put(out, uint64_t(int64_t(link.column)));
  }
  put(out, doc.toc.size());
  for (const TocEntry& entry : doc.toc) {
    put(out, uint64_t(int64_t(entry.level)));
    put(out, entry.id);
    put(out, entry.text);
  }
  put(out, uint64_t(doc.html != nullptr));
  if (doc.html) {
    put(out, doc.html->pieces.size());
    for (const std::string& piece : doc.html->pieces) put(out, piece);
    put(out, doc.html->holes.size());
    for (size_t hole : doc.html->holes) put(out, hole);
  }
  put(out, doc.plain_text ? std::string_view(*doc.plain_text) : std::string_view());
  put(out, doc.first_paragraph);
  put(out, uint64_t(int64_t(doc.word_count)));
  put(out, diags.items().size());
  for (const Diagnostic& d : diags.items()) {
    put(out, d.file);
    put(out, uint64_t(int64_t(d.line)));
    put(out, uint64_t(int64_t(d.column)));
    put(out, uint64_t(d.severity == Severity::kWarning));
    put(out, d.code);
    put(out, d.message);
    put(out, d.hint);
  }
  return out;
}

bool decode_body(std::string_view bytes, Document* doc, Diagnostics* diags) {
  if (!bytes.starts_with(kTag)) return false;
  Reader in(bytes.substr(sizeof kTag - 1));
  size_t n = 0;
  uint64_t flag = 0;
  if (!in.count(&n, 32)) return false;
  doc->headings.assign(n, Heading{});
  for (Heading& h : doc->headings) {
    if (!in.integer(&h.level) || !in.text(&h.text) || !in.text(&h.id) || !in.integer(&h.line)) {
      return false;
    }
  }
  if (!in.count(&n, 32)) return false;
  doc->links.assign(n, LinkReference{});
  for (LinkReference& link : doc->links) {
    if (!in.text(&link.destination) || !in.number(&flag) || !in.integer(&link.line) ||
        !in.integer(&link.column)) {
      return false;
    }
    link.is_image = flag != 0;
  }
  if (!in.count(&n, 24)) return false;
  doc->toc.assign(n, TocEntry{});
  for (TocEntry& entry : doc->toc) {
    if (!in.integer(&entry.level) || !in.text(&entry.id) || !in.text(&entry.text)) return false;
  }
  if (!in.number(&flag)) return false;
  doc->html.reset();
  if (flag != 0) {
    auto html = std::make_shared<BodyHtml>();
    if (!in.count(&n, 8)) return false;
    html->pieces.resize(n);
    for (std::string& piece : html->pieces) {
      if (!in.text(&piece)) return false;
    }
    if (!in.count(&n, 8)) return false;
    html->holes.resize(n);
    for (size_t& hole : html->holes) {
      uint64_t v = 0;
      if (!in.number(&v) || v >= doc->links.size()) return false;
      hole = v;
    }
    const bool made = html->pieces.size() == html->holes.size() + 1;
    if (!made && !(html->pieces.empty() && html->holes.empty())) return false;
    doc->html = std::move(html);
  }
  std::string plain;
  if (!in.text(&plain) || !in.text(&doc->first_paragraph) || !in.integer(&doc->word_count)) {
    return false;
  }
  doc->plain_text = std::make_shared<const std::string>(std::move(plain));
  if (!in.count(&n, 56)) return false;
  std::vector<Diagnostic> found(n);
  for (Diagnostic& d : found) {
    if (!in.text(&d.file) || !in.integer(&d.line) || !in.integer(&d.column) || !in.number(&flag) ||
        !in.text(&d.code) || !in.text(&d.message) || !in.text(&d.hint)) {
      return false;
    }
    d.severity = flag != 0 ? Severity::kWarning : Severity::kError;
  }
  if (!in.done()) return false;
  for (Diagnostic& d : found) diags->add(std::move(d));
  return true;
}

}  // namespace agora
