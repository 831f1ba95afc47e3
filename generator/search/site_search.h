#pragma once
// The site's search files: what goes into the index for each document, and
// the files the search page loads.
//   search/index.json      lunr.Index.load() accepts it as is
//   search/documents.json  ref -> {title, url, type, date, summary}
//   search/index.js        both, as a script, for file:// browsing
//   search/lunr.min.js     lunr.js 2.3.9 from Debian's libjs-lunr
//   LANG/search/...        each other language's files, in its own tree
// The index of a language is built with its pipeline (search_language.h),
// and its search/ folder also holds the scripts that pipeline needs in the
// browser (lunr-languages' for fr, es, ru and ar; our lunr-zh.js for zh).
// When index.json would be larger than site.yaml's search.shards.above, the
// first three are replaced by term-range shards and a document store in
// chunks (shard_files.h): search/shards.json, shard-NNN.json, docs-NNN.json,
// terms.json, refs.json; an offline build writes each as a .js script.

#include <map>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "model/site.h"
#include "render/site_files.h"
#include "render/url.h"
#include "search/analysis_cache.h"
#include "search/index_shards.h"
#include "search/search_corpus.h"
#include "util/diagnostic.h"
#include "util/file_system.h"

namespace agora {

// Where Debian's libjs-lunr installs the browser build.
inline constexpr const char* kLunrScriptPath = "/usr/share/javascript/lunr/lunr.min.js";

// The search pipeline of the site's language: find_search_language() of its
// code, else of its primary subtag ("fr" for "fr-CA"). English when neither
// is known, with a warning in *diags (when given) naming the language.
const SearchLanguage& site_search_language(const Site& site, Diagnostics* diags = nullptr);

// One search document per published page, in site order, with the fields of
// site.yaml's search section, in the site's search language (warnings as
// site_search_language). The ref is the page's path ("case-studies/x/",
// "fr/case-studies/x/"). Field values: title, summary, body (the text
// without markup), terms (the names of every term the document uses); any
// other name is the front matter field of that name, lists joined by spaces.
SearchCorpus site_search_corpus(const Site& site, Diagnostics* diags = nullptr);

// The scripts the search page of `site` loads after lunr.min.js, in order, as
// paths from the site root: the files of its language's pipeline, which
// add_search_files writes into the language's search/ folder
// ("fr/search/lunr.fr.min.js"). Empty for English.
std::vector<std::string> search_script_paths(const Site& site);

// Whether a document is in its site's index: the site's own language only
// (a fallback is searched in its own language's index).
bool indexed(const Site& site, const Document& doc);

// The index, built once per build: it does not depend on the URL style, so
// the online site and the offline bundle share it.
struct SiteIndex {
  std::string json;  // search/index.json; empty when sharded
  // When index.json would pass search.shards.above: the shards, formatted
  // as they are written.
  std::shared_ptr<const ShardPlan> shards;
  IndexStats stats;
};

// `analyses`, when not null, keeps each document's analysis between builds
// (analysis_cache.h).
SiteIndex build_site_index(const Site& site, const SearchCorpus& corpus,
                           AnalysisCache* analyses = nullptr);

// JSON text made safe to inline in a <script> element: '<' (so no
// "</script>" or "<!--"), U+2028 and U+2029 (line ends to older JavaScript)
// become \u escapes. It still parses to the same value. search/index.js is
// written this way.
std::string script_safe_json(std::string_view json);

// What a build made of each search shard file, by its path in the site:
// the digest of what it was made from (IndexShard::digest) and the SHA-256
// of the file. Saved after a build, so that the next keeps each shard whose
// digest did not change (FileSink::keep_as, which checks the SHA-256
// against the output record: a record and shard records from different
// builds never keep a wrong file).
struct ShardRecord {
  std::string digest, sha256;
  bool operator==(const ShardRecord&) const = default;
};
using ShardRecords = std::map<std::string, ShardRecord>;
// As lines "DIGEST SHA256 PATH", by path.
std::string shard_records_text(const ShardRecords& records);
// Lines that do not read as shard_records_text writes them are skipped:
// a shard they would name is formatted again.
ShardRecords parse_shard_records(std::string_view text);

// What add_search_files does with shard records: `before`, the last
// build's, when the shards it names may be kept (a rebuild by the same
// program, one that may keep pages: see PageReuse); `made`, this build's,
// filled as the shards are written or kept. Either may be null.
struct ShardKeeping {
  const ShardRecords* before = nullptr;
  ShardRecords* made = nullptr;
};

// Hands the search files to `sink`, with documents.json's URLs in `style`;
// the index's JSON moves into them, and shards go a batch at a time as they
// are formatted. A theme script of the language's pipeline is taken from
// the theme's `assets` (js/lunr-zh.js), else from the bundled default
// theme. Returns false with an error in diags when lunr.min.js or a script
// of the language cannot be read, and without one when the sink refused a
// batch (sink->error() says why). With `shards`, each shard whose digest
// the last build's records give with its file is offered to the sink to
// keep, and only the others are formatted.
bool add_search_files(const FileSystem& fs, const Site& site, SiteIndex index, UrlStyle style,
                      const SiteFiles& assets, FileSink* sink, Diagnostics* diags,
                      ShardKeeping shards = {});

}  // namespace agora
