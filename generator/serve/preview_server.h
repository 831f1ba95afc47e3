#pragma once
// The HTTP side of `agora serve`, on cpp-httplib: the site's files (see
// site_response.h) and the event stream pages listen to for reloads.

#include <memory>
#include <string>
#include <thread>

#include "serve/live_state.h"
#include "serve/served_folder.h"

namespace agora {

class PreviewServer {
 public:
  // Both must outlive the server.
  PreviewServer(const ServedFolder& folder, LiveState& live);
  ~PreviewServer();

  // Binds host:port; port 0 picks a free one. Returns the port bound, or -1
  // with *err.
  int bind(const std::string& host, int port, std::string* err);

  // Serves on a thread of its own until stop().
  void start();

  // Ends the open event streams, closes the listening socket (the port is
  // free when this returns) and joins every thread. Safe to call twice.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::thread thread_;
};

}  // namespace agora
