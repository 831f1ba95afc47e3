// A small driver over generator/output for the end-to-end tests, until the
// CLI wires these stages into `agora build` and `agora mirror`:
//   output_tool write SRC_DIR OUT_DIR [CACHE_DIR]   write_site of SRC_DIR's files
//   output_tool mirror SOURCE DEST                  mirror_site, progress on stderr
//   output_tool zip SRC_DIR ZIP_PATH                write_zip of SRC_DIR's files
//   output_tool report SRC_DIR TYPE...              weight_report of SRC_DIR's files
// Exit status 0 on success, 1 with a message on stderr on failure.

#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "output/mirror.h"
#include "output/site_writer.h"
#include "output/weight_report.h"
#include "output/zip_bundle.h"
#include "util/file_system.h"

using namespace agora;

namespace {

bool load(const std::string& dir, SiteFiles* files, std::string* err) {
  agora::RealFileSystem fs;
  for (const std::string& path : fs.list_files(dir)) {
    if (!fs.read_file(agora::join_path(dir, path), &(*files)[path], err)) return false;
  }
  return true;
}

int fail(const std::string& err) {
  std::cerr << "output_tool: " << err << "\n";
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.size() < 3) return fail("usage: output_tool write|mirror|zip|report ARGS...");
  const std::string& command = args[0];
  std::string err;
  SiteFiles files;
  if (command == "write") {
    if (!load(args[1], &files, &err)) return fail(err);
    agora::RealFileSystem fs;
    WriteOptions opts;
    if (args.size() > 3) opts.cache_dir = args[3];
    WriteReport r;
    if (!write_site(fs, args[2], files, opts, &r, &err)) return fail(err);
    std::printf("files=%zu written=%zu unchanged=%zu deleted=%zu compressed=%zu cache_hits=%zu\n",
                r.files, r.written, r.unchanged, r.deleted, r.precompress.compressed,
                r.precompress.cache_hits);
    return 0;
  }
  if (command == "mirror") {
    MirrorOptions opts;
    opts.progress_out = &std::cerr;
    MirrorReport r;
    if (!mirror_site(args[1], args[2], opts, &r, &err)) return fail(err);
    std::printf("files=%zu fetched=%zu kept=%zu resumed=%zu repaired=%zu deleted=%zu\n", r.files,
                r.fetched, r.kept, r.resumed, r.repaired, r.deleted);
    return 0;
  }
  if (command == "zip") {
    if (!load(args[1], &files, &err)) return fail(err);
    return write_zip(files, args[2], &err) ? 0 : fail(err);
  }
  if (command == "report") {
    if (!load(args[1], &files, &err)) return fail(err);
    std::cout << weight_report(files, std::vector<std::string>(args.begin() + 2, args.end()));
    return 0;
  }
  return fail("unknown command " + command);
}
