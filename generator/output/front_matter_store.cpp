#include "output/front_matter_store.h"

#include <utility>

namespace agora {
namespace {

constexpr std::string_view kHeader = "agora-front-matter-cache 1\n";

}  // namespace

FrontMatterStore::FrontMatterStore(FileSystem& fs, std::string path, std::string program,
                                   std::string seal_key)
    : entries_(fs, std::move(path), std::string(kHeader), EntryStore::Layout::kOneFile,
               std::move(program), std::move(seal_key)) {}

std::string FrontMatterStore::id(std::string_view yaml, const YamlLimits& limits) const {
  return entries_.key([&](std::string& text) {
    text += std::to_string(limits.depth) + "," + std::to_string(limits.nodes);
    text.push_back('\0');
    text.append(yaml);
  });
}

bool FrontMatterStore::find(const std::string& id, YAML::Node* tree) const {
  return entries_.find(id, [&](std::string_view bytes) { return decode_yaml_tree(bytes, tree); });
}

void FrontMatterStore::store(const std::string& id, const YAML::Node& tree) {
  entries_.store(id, encode_yaml_tree(tree));
}

void FrontMatterStore::release() { entries_.release(); }

bool FrontMatterStore::save(std::string* err) { return entries_.save(err); }

}  // namespace agora
