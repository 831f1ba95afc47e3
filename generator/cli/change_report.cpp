#include "cli/change_report.h"

#include <memory>

#include "output/manifest.h"
#include "output/mirror.h"
#include "output/mirror_source.h"
#include "output/site_changes.h"
#include "output/staging.h"

namespace agora {

namespace {

constexpr const char* kCode = "compare-failed";

bool read_manifest(MirrorSource& source, std::vector<ManifestEntry>* entries, std::string* err) {
  std::string json;
  if (!source.fetch(kManifestPath, kManifestMaxBytes, &json, err)) return false;
  if (parse_manifest(json, entries, err)) return true;
  *err = source.describe() + ": " + *err;
  return false;
}

std::string count(size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

void print_list(const std::vector<ChangedFile>& files, const char* label, std::ostream& out) {
  for (const ChangedFile& f : files) out << "  " << label << f.url << "\n";
}

}  // namespace

void report_changes(const CommandArgs& args, const std::string& base_url, const CliEnv& env,
                    Diagnostics* diags) {
  std::string err;
  std::unique_ptr<MirrorSource> published = open_mirror_source(args.compare_to, *env.fs, &err);
  std::vector<ManifestEntry> before, after;
  FolderSource built(*env.fs, args.out);
  if (!published || !read_manifest(*published, &before, &err) ||
      !read_manifest(built, &after, &err)) {
    *env.err << "agora build: --compare-to: " << err << "\n";
    diags->error(args.compare_to, 0, 0, kCode, err);
    return;
  }
  SiteChanges changes = compare_manifests(before, after, base_url);
  const ChangeList& pages = changes.pages;
  size_t others =
      changes.files.added.size() + changes.files.changed.size() + changes.files.removed.size();
  *env.out << "agora build: compared with " << args.compare_to << ": "
           << count(pages.added.size(), "page", "pages") << " added, " << pages.changed.size()
           << " changed, " << pages.removed.size() << " removed; "
           << count(others, "other file differs", "other files differ") << "\n";
  print_list(pages.added, "added    ", *env.out);
  print_list(pages.changed, "changed  ", *env.out);
  print_list(pages.removed, "removed  ", *env.out);
  std::string file =
      args.compare_out.empty() ? staging_paths(args.out).dir + ".changes.json" : args.compare_out;
  if (!env.fs->write_file(file, changes_json(changes, args.compare_to), &err)) {
    *env.err << "agora build: --compare-to: " << err << "\n";
    diags->error(file, 0, 0, kCode, err);
    return;
  }
  *env.out << "agora build: the list is in " << file << "\n";
}

}  // namespace agora
