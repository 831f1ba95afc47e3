#include "search/shard_files.h"

#include <algorithm>

#include "search/json_writer.h"
#include "search/utf16.h"

namespace agora {
namespace {

constexpr const char* kMapFormat = "agora-lunr-shards/1";

// "shard-007.json": numbers padded to the width of the largest, at least 3.
std::string numbered(const char* stem, size_t number, size_t count) {
  size_t width = 3;
  for (size_t n = 1000; n < count; n *= 10) ++width;
  std::string digits = std::to_string(number);
  return stem + std::string(width > digits.size() ? width - digits.size() : 0, '0') + digits +
         ".json";
}

// The bytes of NAME.json, or of the NAME.js script that carries them.
std::pair<std::string, std::string> file(const std::string& name, std::string json, bool scripts) {
  if (!scripts) return {name, std::move(json)};
  std::string script = "(window.AGORA_SEARCH_FILES=window.AGORA_SEARCH_FILES||{})[";
  append_json_string(script, name);
  script += "]=";
  script += json;
  script += ";\n";
  return {name.substr(0, name.size() - 5) + ".js", std::move(script)};
}

void append_file_entry(std::string& out, const std::pair<std::string, std::string>& written,
                       const std::string& name) {
  out.push_back('[');
  append_json_string(out, name);
  out.push_back(',');
  out += std::to_string(written.second.size());
  out.push_back(']');
}

}  // namespace

uint32_t ref_hash(std::string_view ref) {
  uint32_t hash = 2166136261u;
  for (char16_t unit : utf8_to_utf16(ref)) {
    hash ^= unit;
    hash *= 16777619u;
  }
  return hash;
}

size_t store_chunk_count(size_t documents, size_t per_chunk) {
  per_chunk = std::max<size_t>(per_chunk, 1);
  size_t chunks = 1;
  while (chunks * per_chunk < documents) chunks *= 2;
  return chunks;
}

NamedFiles shard_files(IndexShards shards, const ShardFilesOptions& options) {
  NamedFiles files;
  files.emplace_back();  // the map, written last
  std::string map = "{\"format\":";
  append_json_string(map, kMapFormat);
  map += ",\"lunr\":\"2.3.9\",\"fields\":[";
  for (size_t f = 0; f < shards.fields.size(); ++f) {
    if (f != 0) map.push_back(',');
    append_json_string(map, shards.fields[f]);
  }
  map += "],\"pipeline\":" + shards.pipeline_json +
         ",\"documents\":" + std::to_string(shards.documents) +
         ",\"terms\":" + std::to_string(shards.terms) + ",\"shards\":[";
  for (size_t s = 0; s < shards.shards.size(); ++s) {
    IndexShard& shard = shards.shards[s];
    const std::string name = numbered("shard-", s, shards.shards.size());
    files.push_back(file(name, std::move(shard.json), options.scripts));
    if (s != 0) map.push_back(',');
    map.push_back('[');
    append_json_string(map, shard.first_term);
    map.push_back(',');
    append_json_string(map, shard.last_term);
    map.push_back(',');
    append_json_string(map, name);
    map += "," + std::to_string(files.back().second.size()) + "]";
  }
  map += "],\"vocabulary\":";
  files.push_back(file("terms.json", std::move(shards.terms_json), options.scripts));
  append_file_entry(map, files.back(), "terms.json");
  map += ",\"refs\":";
  files.push_back(file("refs.json", std::move(shards.refs_json), options.scripts));
  append_file_entry(map, files.back(), "refs.json");

  if (!options.store.empty()) {
    const size_t chunks = store_chunk_count(options.store.size(), options.store_chunk_documents);
    std::vector<std::string> bodies(chunks);
    for (const StoreEntry& entry : options.store) {
      std::string& body = bodies[ref_hash(entry.ref) % chunks];
      body.push_back(body.empty() ? '{' : ',');
      append_json_string(body, entry.ref);
      body.push_back(':');
      body += entry.json;
    }
    for (size_t c = 0; c < chunks; ++c) {
      std::string& body = bodies[c];
      body += body.empty() ? "{}" : "}";
      files.push_back(file(numbered("docs-", c, chunks), std::move(body), options.scripts));
    }
    const std::string pattern = numbered("docs-", 0, chunks);
    map += ",\"store\":{\"chunks\":" + std::to_string(chunks) + ",\"files\":";
    append_json_string(map, "docs-" + std::string(pattern.size() - 10, '#') + ".json");
    map.push_back('}');
  }
  if (!options.types.empty()) {
    map += ",\"types\":[";
    for (size_t i = 0; i < options.types.size(); ++i) {
      if (i != 0) map.push_back(',');
      map.push_back('[');
      append_json_string(map, options.types[i].first);
      map.push_back(',');
      append_json_string(map, options.types[i].second);
      map.push_back(']');
    }
    map.push_back(']');
  }
  map += "}";
  files[0] = file("shards.json", std::move(map), options.scripts);
  return files;
}

}  // namespace agora
