// agora serve: build, serve on loopback, rebuild on change, reload the open
// pages, show a broken build's errors over the last good site.

#include <signal.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "cli/commands.h"
#include "cli/site_guard.h"
#include "serve/change_watcher.h"
#include "serve/live_state.h"
#include "serve/preview_server.h"
#include "serve/rebuild_loop.h"
#include "serve/served_folder.h"
#include "util/allocator.h"
#include "util/file_system.h"

namespace agora {

namespace {

// What a site is built from, beside site.yaml: the documents, the data,
// the site's own templates, words and assets, and its themes.
const std::vector<std::string> kSourceFolders = {"content", "data", "templates",
                                                 "themes",  "i18n", "assets"};

// A fresh folder for the output, in the system's temporary folder.
std::string make_temp_out(std::string* err) {
  std::error_code ec;
  std::filesystem::path base = std::filesystem::temp_directory_path(ec);
  if (ec) base = "/tmp";
  std::string pattern = (base / "agora-serve-XXXXXX").string();
  if (!::mkdtemp(pattern.data())) {
    *err = "cannot create a temporary folder in " + base.string();
    return "";
  }
  return pattern;
}

void watch_sources(ChangeWatcher* watcher, const std::string& config) {
  std::string root = site_root_of(config);
  size_t slash = config.rfind('/');
  std::vector<std::string> names = kSourceFolders;
  names.push_back(slash == std::string::npos ? config : config.substr(slash + 1));
  watcher->watch_names(root, names);
  for (const std::string& folder : kSourceFolders) watcher->watch_tree(join_path(root, folder));
}

// SIGINT and SIGTERM as a file descriptor, blocked for every thread
// started from here on (they inherit the mask); SIGPIPE ignored, since a
// closed tab must not end the server.
int signal_descriptor() {
  ::signal(SIGPIPE, SIG_IGN);
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  if (pthread_sigmask(SIG_BLOCK, &signals, nullptr) != 0) return -1;
  return signalfd(-1, &signals, SFD_NONBLOCK | SFD_CLOEXEC);
}

// The source folder that `out` lies in, or "": a build writing there would
// wake the watcher and rebuild for ever.
std::string source_folder_holding(const std::string& out, const std::string& config) {
  namespace fs = std::filesystem;
  std::error_code ec;
  std::string target = fs::weakly_canonical(out, ec).string() + "/";
  for (const std::string& folder : kSourceFolders) {
    std::string source = join_path(site_root_of(config), folder);
    std::string canonical = fs::weakly_canonical(source, ec).string() + "/";
    if (!ec && target.starts_with(canonical)) return source;
  }
  return "";
}

std::string url_of(const std::string& host, int port) {
  bool ipv6 = host.find(':') != std::string::npos;
  return "http://" + (ipv6 ? "[" + host + "]" : host) + ":" + std::to_string(port) + "/";
}

}  // namespace

int run_serve(const CommandArgs& args, const CliEnv& env) {
  int signal_fd = signal_descriptor();
  ChangeWatcher watcher;
  std::string err;
  if (signal_fd < 0 || !watcher.ok(&err)) {
    *env.err << "agora serve: " << (signal_fd < 0 ? "cannot handle signals" : err) << "\n";
    return 1;
  }
  std::string source = source_folder_holding(args.serve_out, args.config);
  if (!args.serve_out.empty() && !source.empty()) {
    *env.err << "agora serve: --out " << args.serve_out << " is inside " << source
             << ", which is watched; choose a folder outside the site's sources\n";
    return 1;
  }
  CommandArgs build_args = args;
  build_args.out = args.serve_out.empty() ? make_temp_out(&err) : args.serve_out;
  if (build_args.out.empty()) {
    *env.err << "agora serve: " << err << "\n";
    return 1;
  }
  ServedFolder folder(build_args.out);
  LiveState live;
  PreviewServer server(folder, live);
  int port = server.bind(args.bind, args.port, &err);
  if (port < 0) {
    *env.err << "agora serve: " << err << "\n";
    return 1;
  }
  watch_sources(&watcher, args.config);
  server.start();
  *env.out << "agora serve: " << url_of(args.bind, port) << " serves " << build_args.out
           << "; watching " << site_root_of(args.config) << " (Ctrl-C stops)\n"
           << std::flush;

  // Every rebuild goes through here; the swap holds the requests back for
  // the instant the output folder is swapped.
  SwapLockingFileSystem build_fs(env.fs, &folder);
  CliEnv build_env = env;
  build_env.fs = &build_fs;
  // Kept between rebuilds: an unchanged file is not compressed again.
  BuildState state;
  // A temporary folder's record goes beside it, and with it.
  if (args.serve_out.empty()) state.record = build_args.out + ".record";
  RebuildLoopOptions options;
  options.out = env.out;
  options.on_stop = [&server] { server.stop(); };
  run_rebuild_loop(
      watcher, signal_fd,
      [&] {
        Diagnostics found = build_site(build_args, build_env, &state);
        *env.out << std::flush;
        // The build's freed pages are kept while it runs; between edits
        // the server holds only what it serves from.
        release_all_free_memory();
        return found;
      },
      live, options);
  server.stop();
  ::close(signal_fd);
  if (args.serve_out.empty()) {
    // The folder, the tree its last rebuild replaced and its records.
    std::vector<std::string> left = record_files(state.record);
    left.push_back(build_args.out);
    left.push_back(build_args.out + ".old");
    std::error_code ec;
    for (const std::string& path : left) std::filesystem::remove_all(path, ec);
  }
  *env.out << "agora serve: stopped\n";
  return 0;
}

}  // namespace agora
