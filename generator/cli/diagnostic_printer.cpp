#include "cli/diagnostic_printer.h"

#include <map>

#include <nlohmann/json.hpp>

#include "util/text.h"

namespace agora {

namespace {

const char* kRed = "\033[1;31m";
const char* kYellow = "\033[1;33m";
const char* kBold = "\033[1m";
const char* kCyan = "\033[36m";
const char* kReset = "\033[0m";

// Only a file of the site is shown: a diagnostic about /usr/share/... or
// "../x" carries its own words, and the printer must not become a way to
// read any file.
bool is_site_file(const std::string& file) {
  return !file.empty() && file[0] != '/' && file != ".." && !file.starts_with("../") &&
         file.find("/../") == std::string::npos;
}

std::string source_line(const FileSystem& fs, const std::string& root, const std::string& file,
                        int line, std::map<std::string, std::string>* cache) {
  auto it = cache->find(file);
  if (it == cache->end()) {
    std::string text, err;
    if (!is_site_file(file) || !fs.read_file(join_path(root, file), &text, &err)) text.clear();
    it = cache->emplace(file, std::move(text)).first;
  }
  const std::string& text = it->second;
  size_t pos = 0;
  for (int l = 1; l < line && pos != std::string::npos; ++l) {
    pos = text.find('\n', pos);
    if (pos != std::string::npos) ++pos;
  }
  if (pos == std::string::npos || pos >= text.size()) return "";
  size_t end = text.find('\n', pos);
  std::string out = text.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
  if (!out.empty() && out.back() == '\r') out.pop_back();
  return out;
}

void print_text(const Diagnostic& d, const FileSystem& fs, const PrintOptions& options,
                std::map<std::string, std::string>* cache, std::ostream& out) {
  bool error = d.severity == Severity::kError;
  auto paint = [&](const char* code) { return options.color ? code : ""; };
  out << paint(kBold) << visible_controls(d.file);
  if (d.line > 0) out << ":" << d.line;
  if (d.line > 0 && d.column > 0) out << ":" << d.column;
  out << ":" << paint(kReset) << " " << paint(error ? kRed : kYellow)
      << (error ? "error" : "warning") << "[" << visible_controls(d.code) << "]" << paint(kReset)
      << ": " << visible_controls(d.message) << "\n";
  if (d.line > 0) {
    std::string line = visible_controls(source_line(fs, options.root, d.file, d.line, cache));
    if (!line.empty()) {
      std::string number = std::to_string(d.line);
      out << "  " << number << " | " << line << "\n";
      if (d.column > 0) {
        std::string pad;
        // Columns count bytes; the pad needs one space per character (UTF-8
        // continuation bytes add none), and keeps tabs so the caret lines up
        // under tab-indented YAML or Markdown.
        for (int i = 0; i < d.column - 1 && i < static_cast<int>(line.size()); ++i) {
          char c = line[static_cast<size_t>(i)];
          if ((static_cast<unsigned char>(c) & 0xC0) == 0x80) continue;
          pad += c == '\t' ? '\t' : ' ';
        }
        out << "  " << std::string(number.size(), ' ') << " | " << pad
            << paint(error ? kRed : kYellow) << "^" << paint(kReset) << "\n";
      }
    }
  }
  if (!d.hint.empty())
    out << "  " << paint(kCyan) << "hint" << paint(kReset) << ": " << visible_controls(d.hint)
        << "\n";
}

}  // namespace

std::string github_escape(const std::string& raw, bool property) {
  // Controls are made visible, but for the CR and LF that GitHub encodes.
  std::string text;
  for (size_t start = 0;;) {
    size_t cr = raw.find('\r', start);
    text += visible_controls(std::string_view(raw).substr(start, cr - start));
    if (cr == std::string::npos) break;
    text += '\r';
    start = cr + 1;
  }
  std::string out;
  for (char c : text) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      case ':':
        out += property ? "%3A" : ":";
        break;
      case ',':
        out += property ? "%2C" : ",";
        break;
      default:
        out += c;
    }
  }
  return out;
}

void print_diagnostics(const Diagnostics& diags, const FileSystem& fs, const PrintOptions& options,
                       std::ostream& out) {
  if (options.format == DiagnosticFormat::kJson) {
    // Keys in the documented order, for people reading the report.
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const auto& d : diags.items()) {
      list.push_back(
          nlohmann::ordered_json{{"file", d.file},
                                 {"line", d.line},
                                 {"column", d.column},
                                 {"severity", d.severity == Severity::kError ? "error" : "warning"},
                                 {"code", d.code},
                                 {"message", d.message},
                                 {"hint", d.hint}});
    }
    // File names need not be UTF-8 (a Linux name is any bytes): replace
    // what is not, rather than abort.
    out << list.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
    return;
  }
  std::map<std::string, std::string> cache;
  for (const auto& d : diags.items()) {
    if (options.format == DiagnosticFormat::kGithub) {
      std::string message = d.message + (d.hint.empty() ? "" : " (" + d.hint + ")");
      out << "::" << (d.severity == Severity::kError ? "error" : "warning")
          << " file=" << github_escape(d.file, true);
      if (d.line > 0) out << ",line=" << d.line;
      if (d.column > 0) out << ",col=" << d.column;
      out << ",title=" << github_escape(d.code, true) << "::" << github_escape(message, false)
          << "\n";
    } else {
      print_text(d, fs, options, &cache, out);
    }
  }
  if (options.format == DiagnosticFormat::kText && !diags.empty()) {
    size_t errors = diags.error_count(), warnings = diags.warning_count();
    out << errors << (errors == 1 ? " error" : " errors") << ", " << warnings
        << (warnings == 1 ? " warning" : " warnings") << "\n";
  }
}

}  // namespace agora
