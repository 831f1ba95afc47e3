#include "serve/preview_server.h"

#include <httplib.h>

#include <atomic>
#include <chrono>

#include "serve/live_page.h"
#include "serve/site_response.h"

namespace agora {

namespace {

// Every open page holds a connection for its event stream: leave room for
// many tabs besides the requests for files.
constexpr size_t kThreads = 64;
// An idle event stream sends a comment this often, so a closed tab's
// connection is noticed and proxies keep the stream open.
constexpr std::chrono::seconds kKeepAlive{15};

// "?generation=N" of the events URL; 0 when absent.
uint64_t generation_param(const httplib::Request& request) {
  std::string value = request.get_param_value("generation");
  uint64_t generation = 0;
  for (char c : value) {
    if (c < '0' || c > '9') return 0;
    generation = generation * 10 + static_cast<uint64_t>(c - '0');
  }
  return generation;
}

}  // namespace

struct PreviewServer::Impl {
  Impl(const ServedFolder& f, LiveState& l) : folder(f), live(l) {}

  void events(const httplib::Request& request, httplib::Response& response) {
    uint64_t seen = generation_param(request);
    // A page names the build it came from, 0 when it was served before the
    // first build ended (the waiting page). A client that names none hears
    // of the next build, not of the current one.
    bool named = request.has_param("generation");
    response.set_header("Cache-Control", "no-cache");
    LiveState* state = &live;
    // A page from an older build than the current one reloads at once:
    // the waiting page too, when the first build ended before its stream
    // opened (it waited for a build that had come, and never reloaded).
    auto first = std::make_shared<bool>(true);
    response.set_chunked_content_provider(
        "text/event-stream", [state, seen, named, first](size_t, httplib::DataSink& sink) mutable {
          std::string chunk;
          uint64_t now = 0;
          bool closed = false;
          if (*first) {
            *first = false;
            chunk = "retry: 1000\n\n";
            now = state->generation();
          } else {
            now = state->wait_for_change(seen, kKeepAlive, &closed);
          }
          if (closed) {
            sink.done();
            return true;
          }
          if (now != seen && named) {
            chunk += "event: reload\ndata: " + std::to_string(now) + "\n\n";
            seen = now;
          } else if (chunk.empty()) {
            chunk = ": keep-alive\n\n";
          }
          if (!named) {
            seen = now;
            named = true;
          }
          return sink.write(chunk.data(), chunk.size());
        });
  }

  void file(const httplib::Request& request, httplib::Response& response) {
    SiteRequest site_request;
    site_request.target = request.target;
    site_request.accept_encoding = request.get_header_value("Accept-Encoding");
    site_request.if_none_match = request.get_header_value("If-None-Match");
    auto answer =
        std::make_shared<SiteResponse>(respond_with_site(folder, live.snapshot(), site_request));
    response.status = answer->status;
    std::string type;
    for (const auto& [name, value] : answer->headers) {
      if (name == "Content-Type") {
        type = value;
      } else {
        response.set_header(name, value);
      }
    }
    if (answer->status == 304) return;
    // A content provider, not set_content: httplib would compress the
    // body a second time, and the coding is ours to choose.
    response.set_content_provider(answer->body.size(), type,
                                  [answer](size_t offset, size_t length, httplib::DataSink& sink) {
                                    return sink.write(answer->body.data() + offset, length);
                                  });
  }

  const ServedFolder& folder;
  LiveState& live;
  httplib::Server server;
  std::atomic<bool> finished{false};  // listen_after_bind returned
};

PreviewServer::PreviewServer(const ServedFolder& folder, LiveState& live)
    : impl_(std::make_unique<Impl>(folder, live)) {
  Impl* impl = impl_.get();
  impl->server.new_task_queue = [] { return new httplib::ThreadPool(kThreads); };
  impl->server.Get(std::string(kEventsPath),
                   [impl](const httplib::Request& request, httplib::Response& response) {
                     impl->events(request, response);
                   });
  impl->server.Get(".*", [impl](const httplib::Request& request, httplib::Response& response) {
    impl->file(request, response);
  });
}

PreviewServer::~PreviewServer() { stop(); }

int PreviewServer::bind(const std::string& host, int port, std::string* err) {
  bool ok = port == 0 ? (port = impl_->server.bind_to_any_port(host)) > 0
                      : impl_->server.bind_to_port(host, port);
  if (!ok) {
    *err = "cannot listen on " + host + ":" + std::to_string(port) +
           " (in use, or not an address of this machine)";
    return -1;
  }
  return port;
}

void PreviewServer::start() {
  thread_ = std::thread([this] {
    impl_->server.listen_after_bind();
    impl_->finished = true;
  });
}

void PreviewServer::stop() {
  impl_->live.close();
  if (!thread_.joinable()) return;
  // httplib's stop() does nothing before the listening loop runs: a stop
  // right after start() waits for it.
  while (!impl_->finished && !impl_->server.is_running()) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  impl_->server.stop();
  thread_.join();
}

}  // namespace agora
