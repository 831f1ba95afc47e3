#include "search/shard_files.h"

#include <algorithm>
#include <iterator>

#include "search/js_number.h"
#include "search/json_writer.h"
#include "search/utf16.h"

namespace agora {
namespace {

// "shard-007.json": numbers padded to the width of the largest, at least 3.
std::string numbered(const char* stem, size_t number, size_t count) {
  size_t width = 3;
  for (size_t n = 1000; n < count; n *= 10) ++width;
  std::string digits = std::to_string(number);
  return stem + std::string(width > digits.size() ? width - digits.size() : 0, '0') + digits +
         ".json";
}

// NAME.json's file: itself, or the NAME.js script that carries it.
std::string file_name(const std::string& name, bool scripts) {
  return scripts ? name.substr(0, name.size() - 5) + ".js" : name;
}

// The bytes of NAME.json, or of the NAME.js script that carries them.
std::pair<std::string, std::string> file(const std::string& name, std::string json, bool scripts) {
  if (!scripts) return {name, std::move(json)};
  std::string script = "(window.AGORA_SEARCH_FILES=window.AGORA_SEARCH_FILES||{})[";
  append_json_string(script, name);
  script += "]=";
  script += json;
  script += ";\n";
  return {file_name(name, scripts), std::move(script)};
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
    append_json_string(map_, kShardFormat);
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

  // Shard files, numbered from the first shard not added yet, but those the
  // last build left: kept[k], when given, is the size of shard k's kept
  // file, or -1.
  NamedFiles add(std::vector<IndexShard> shards, const std::vector<int64_t>* kept = nullptr) {
    NamedFiles files;
    for (size_t k = 0; k < shards.size(); ++k) {
      IndexShard& shard = shards[k];
      const std::string name = shard_name(added_);
      size_t size = 0;
      if (kept && (*kept)[k] >= 0) {
        size = static_cast<size_t>((*kept)[k]);
      } else {
        files.push_back(file(name, std::move(shard.json), options_.scripts));
        size = files.back().second.size();
      }
      if (added_++ != 0) map_.push_back(',');
      map_.push_back('[');
      append_json_string(map_, shard.first_term);
      map_.push_back(',');
      append_json_string(map_, shard.last_term);
      map_.push_back(',');
      append_json_string(map_, name);
      map_ += "," + std::to_string(size) + "]";
    }
    return files;
  }

  // The name of shard `number` (as the map lists it: .json).
  std::string shard_name(size_t number) const { return numbered("shard-", number, shards_); }

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
                        size_t batch_shards, const std::function<bool(NamedFiles)>& emit,
                        const KeepFiles& keep) {
  IndexShards outline = plan.outline();
  ShardMap map(outline, plan.size(), options);
  batch_shards = std::max<size_t>(batch_shards, 1);
  for (size_t first = 0; first < plan.size(); first += batch_shards) {
    if (!keep) {
      if (!emit(map.add(plan.format(first, first + batch_shards)))) return false;
      continue;
    }
    // Described first: a shard `keep` keeps is not formatted.
    std::vector<IndexShard> shards = plan.describe(first, first + batch_shards);
    std::vector<std::string> names, digests;
    names.reserve(shards.size());
    digests.reserve(shards.size());
    for (size_t k = 0; k < shards.size(); ++k) {
      names.push_back(file_name(map.shard_name(first + k), options.scripts));
      digests.push_back(shards[k].digest);
    }
    const std::vector<int64_t> kept = keep(names, digests);
    std::vector<char> wanted(shards.size());
    for (size_t k = 0; k < shards.size(); ++k) wanted[k] = kept[k] < 0;
    plan.format_wanted(first, &shards, wanted);
    if (!emit(map.add(std::move(shards), &kept))) return false;
  }
  return emit(map.finish(std::move(outline.terms_json), std::move(outline.refs_json),
                         std::move(outline.lengths_json)));
}

}  // namespace agora
