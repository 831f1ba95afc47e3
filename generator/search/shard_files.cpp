#include "search/shard_files.h"

#include <algorithm>
#include <iterator>

#include "search/js_number.h"
#include "search/json_writer.h"
#include "search/utf16.h"

namespace agora {
namespace {

constexpr const char* kMapFormat = "agora-lunr-shards/2";

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

namespace {

// Every file but the shards, and the map that names them all: the shards'
// names and sizes are appended as their batches are emitted, the rest
// comes at the end.
class ShardMap {
 public:
  ShardMap(const IndexShards& outline, size_t shards, const ShardFilesOptions& options)
      : shards_(shards), options_(options) {
    map_ = "{\"format\":";
    append_json_string(map_, kMapFormat);
    map_ += ",\"lunr\":\"2.3.9\",\"fields\":[";
    for (size_t f = 0; f < outline.fields.size(); ++f) {
      if (f != 0) map_.push_back(',');
      append_json_string(map_, outline.fields[f]);
    }
    map_ += "],\"boosts\":[";
    for (size_t f = 0; f < outline.field_boosts.size(); ++f) {
      if (f != 0) map_.push_back(',');
      append_json_number(map_, outline.field_boosts[f]);
    }
    map_ += "],\"pipeline\":" + outline.pipeline_json +
            ",\"positions\":" + (outline.positions ? "true" : "false") +
            ",\"documents\":" + std::to_string(outline.documents) +
            ",\"terms\":" + std::to_string(outline.terms) + ",\"shards\":[";
  }

  // Shard files, numbered from the first shard not added yet.
  NamedFiles add(std::vector<IndexShard> shards) {
    NamedFiles files;
    for (IndexShard& shard : shards) {
      const std::string name = numbered("shard-", added_, shards_);
      files.push_back(file(name, std::move(shard.json), options_.scripts));
      if (added_++ != 0) map_.push_back(',');
      map_.push_back('[');
      append_json_string(map_, shard.first_term);
      map_.push_back(',');
      append_json_string(map_, shard.last_term);
      map_.push_back(',');
      append_json_string(map_, name);
      map_ += "," + std::to_string(files.back().second.size()) + "]";
    }
    return files;
  }

  // The vocabulary, the refs, the lengths, the store, and the map last.
  NamedFiles finish(std::string terms_json, std::string refs_json, std::string lengths_json) {
    NamedFiles files;
    map_ += "],\"vocabulary\":";
    files.push_back(file("terms.json", std::move(terms_json), options_.scripts));
    append_file_entry(map_, files.back(), "terms.json");
    map_ += ",\"refs\":";
    files.push_back(file("refs.json", std::move(refs_json), options_.scripts));
    append_file_entry(map_, files.back(), "refs.json");
    map_ += ",\"lengths\":";
    files.push_back(file("lengths.json", std::move(lengths_json), options_.scripts));
    append_file_entry(map_, files.back(), "lengths.json");
    if (!options_.store.empty()) add_store(&files);
    if (!options_.types.empty()) {
      map_ += ",\"types\":[";
      for (size_t i = 0; i < options_.types.size(); ++i) {
        if (i != 0) map_.push_back(',');
        map_.push_back('[');
        append_json_string(map_, options_.types[i].first);
        map_.push_back(',');
        append_json_string(map_, options_.types[i].second);
        map_.push_back(']');
      }
      map_.push_back(']');
    }
    map_ += "}";
    files.push_back(file("shards.json", std::move(map_), options_.scripts));
    return files;
  }

 private:
  void add_store(NamedFiles* files) {
    const size_t chunks = store_chunk_count(options_.store.size(), options_.store_chunk_documents);
    std::vector<std::string> bodies(chunks);
    for (const StoreEntry& entry : options_.store) {
      std::string& body = bodies[ref_hash(entry.ref) % chunks];
      body.push_back(body.empty() ? '{' : ',');
      append_json_string(body, entry.ref);
      body.push_back(':');
      body += entry.json;
    }
    for (size_t c = 0; c < chunks; ++c) {
      std::string& body = bodies[c];
      body += body.empty() ? "{}" : "}";
      files->push_back(file(numbered("docs-", c, chunks), std::move(body), options_.scripts));
    }
    const std::string pattern = numbered("docs-", 0, chunks);
    map_ += ",\"store\":{\"chunks\":" + std::to_string(chunks) + ",\"files\":";
    append_json_string(map_, "docs-" + std::string(pattern.size() - 10, '#') + ".json");
    map_.push_back('}');
  }

  const size_t shards_;
  const ShardFilesOptions& options_;
  std::string map_;
  size_t added_ = 0;
};

}  // namespace

NamedFiles shard_files(IndexShards shards, const ShardFilesOptions& options) {
  ShardMap map(shards, shards.shards.size(), options);
  NamedFiles files = map.add(std::move(shards.shards));
  NamedFiles rest = map.finish(std::move(shards.terms_json), std::move(shards.refs_json),
                               std::move(shards.lengths_json));
  // The map first.
  files.insert(files.begin(), std::move(rest.back()));
  rest.pop_back();
  std::move(rest.begin(), rest.end(), std::back_inserter(files));
  return files;
}

bool stream_shard_files(const ShardPlan& plan, const ShardFilesOptions& options,
                        size_t batch_shards, const std::function<bool(NamedFiles)>& emit) {
  IndexShards outline = plan.outline();
  ShardMap map(outline, plan.size(), options);
  batch_shards = std::max<size_t>(batch_shards, 1);
  for (size_t first = 0; first < plan.size(); first += batch_shards) {
    if (!emit(map.add(plan.format(first, first + batch_shards)))) return false;
  }
  return emit(map.finish(std::move(outline.terms_json), std::move(outline.refs_json),
                         std::move(outline.lengths_json)));
}

}  // namespace agora
