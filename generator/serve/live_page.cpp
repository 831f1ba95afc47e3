#include "serve/live_page.h"

#include <algorithm>
#include <cctype>

#include "util/text.h"

namespace agora {

namespace {

// A panel above the page, whatever the site's own styles say.
constexpr const char* kOverlayStyle =
    "position:fixed;top:0;left:0;right:0;max-height:75vh;overflow:auto;z-index:2147483647;"
    "margin:0;padding:1rem 1.5rem;background:#fff5f5;color:#1b1b1b;"
    "border-bottom:4px solid #b3261e;box-shadow:0 2px 12px rgba(0,0,0,.35);"
    "font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;text-align:left";

// Opens the event stream for this page's build and reloads on "reload"; an
// older build than the server's reloads at once (the server says so first).
// window.agoraServe tells tests that the stream is open.
constexpr const char* kScript =
    "<script>(function(){"
    "var s=new EventSource('/__agora/events?generation=%GEN%');"
    "window.agoraServe={generation:%GEN%,open:false};"
    "s.onopen=function(){window.agoraServe.open=true;};"
    "s.addEventListener('reload',function(){s.close();location.reload();});"
    "})();</script>";

// At most this many problems are listed; the terminal has them all.
constexpr size_t kMaxListed = 50;

std::string script_for(uint64_t generation) {
  std::string script = kScript, number = std::to_string(generation);
  for (size_t at; (at = script.find("%GEN%")) != std::string::npos;) {
    script.replace(at, 5, number);
  }
  return script;
}

std::string location_of(const Diagnostic& d) {
  std::string location = d.file;
  if (d.line > 0) location += ":" + std::to_string(d.line);
  if (d.line > 0 && d.column > 0) location += ":" + std::to_string(d.column);
  return location;
}

std::string problem_item(const Diagnostic& d) {
  const char* severity = d.severity == Severity::kError ? "error" : "warning";
  std::string item = "<li style=\"margin:.5rem 0\" data-file=\"" + escape_html(d.file) +
                     "\" data-line=\"" + std::to_string(d.line) + "\"><strong>" +
                     escape_html(location_of(d)) + "</strong>: " + severity + "[" +
                     escape_html(d.code) + "]: " + escape_html(d.message);
  if (!d.hint.empty()) item += "<br>hint: " + escape_html(d.hint);
  return item + "</li>";
}

// Where "</body>" starts, case-insensitively, or npos.
size_t body_end(std::string_view html) {
  static constexpr std::string_view kTag = "</body";
  for (size_t at = html.size(); at-- > 0;) {
    if (html.size() - at < kTag.size()) continue;
    bool match = true;
    for (size_t i = 0; i < kTag.size() && match; ++i) {
      match = std::tolower(static_cast<unsigned char>(html[at + i])) == kTag[i];
    }
    if (match) return at;
  }
  return std::string_view::npos;
}

}  // namespace

std::string problems_overlay(const std::vector<Diagnostic>& problems, bool last_good_shown) {
  std::string html = std::string("<div id=\"agora-serve-problems\" role=\"alert\" style=\"") +
                     kOverlayStyle + "\">";
  html += "<p style=\"margin:0 0 .5rem;font-weight:bold\">agora serve: the build failed (" +
          std::to_string(problems.size()) + (problems.size() == 1 ? " problem" : " problems") +
          ")" + (last_good_shown ? "; this page is from the last good build" : "") +
          ". Fix the file and save: the page reloads.</p>"
          "<ul style=\"margin:0;padding:0;list-style:none\">";
  for (size_t i = 0; i < problems.size() && i < kMaxListed; ++i) html += problem_item(problems[i]);
  html += "</ul>";
  if (problems.size() > kMaxListed) {
    html += "<p style=\"margin:.5rem 0 0\">and " + std::to_string(problems.size() - kMaxListed) +
            " more in the terminal</p>";
  }
  return html + "</div>";
}

std::string inject_live_reload(std::string_view html, uint64_t generation,
                               const std::vector<Diagnostic>& problems) {
  std::string insert = problems.empty() ? "" : problems_overlay(problems, true);
  insert += script_for(generation);
  size_t at = body_end(html);
  if (at == std::string_view::npos) at = html.size();
  std::string out;
  out.reserve(html.size() + insert.size());
  out.append(html.substr(0, at)).append(insert).append(html.substr(at));
  return out;
}

std::string no_site_page(uint64_t generation, const std::vector<Diagnostic>& problems) {
  std::string page =
      "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<title>agora serve</title></head><body>";
  page += problems.empty() ? "<p>agora serve: building the site; this page reloads when it is "
                             "ready.</p>"
                           : problems_overlay(problems, false);
  return page + script_for(generation) + "</body></html>";
}

}  // namespace agora
