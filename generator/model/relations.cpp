#include "model/relations.h"

#include <algorithm>
#include <map>
#include <string_view>
#include <tuple>

namespace agora {

namespace {

// Newest first, then by key, so equal dates still give one fixed order.
bool newer(const Document& a, const Document& b) {
  return std::tie(b.date, a.type, a.slug) < std::tie(a.date, b.type, b.slug);
}

}  // namespace

void index_documents(Site* site) {
  auto& docs = site->documents;
  // Each type's rank looked up once, not by name at every comparison.
  std::map<std::string_view, size_t> ranks;
  for (size_t i = 0; i < site->config.types.size(); ++i)
    ranks.emplace(site->config.types[i].name, i);
  auto rank = [&](const Document& doc) {
    auto it = ranks.find(doc.type);
    return it == ranks.end() ? ranks.size() : it->second;
  };
  docs.sort([&](const Document& a, const Document& b) {
    size_t ra = rank(a), rb = rank(b);
    if (ra != rb) return ra < rb;
    return newer(a, b);
  });
  site->by_key.clear();
  site->by_source.clear();
  site->by_type.clear();
  for (const auto& type : site->config.types) site->by_type[type.name];
  for (size_t i = 0; i < docs.size(); ++i) {
    site->by_source[docs[i].source_path] = i;
    if (!site->shows(docs[i])) continue;
    site->by_key[docs[i].group] = i;
    site->by_type[docs[i].type].push_back(i);
  }
}

void index_taxonomies(Site* site) {
  site->taxonomies.clear();
  for (const auto& taxonomy : site->config.taxonomies) {
    TaxonomyIndex& index = site->taxonomies[taxonomy.name];
    index.taxonomy = &taxonomy;
    index.vocabulary = &site->vocabularies.at(taxonomy.name);
  }
  // The documents newest first, once: each term's list is filled in that
  // order and needs no sort of its own (sorting them all took about 0.2 s
  // of a rebuild at 10,000 documents, for each of six languages).
  const auto& docs = site->documents;
  std::vector<size_t> order;
  for (size_t i = 0; i < docs.size(); ++i) {
    if (site->shows(docs[i])) order.push_back(i);
  }
  std::sort(order.begin(), order.end(),
            [&](size_t a, size_t b) { return newer(docs[a], docs[b]); });
  for (size_t i : order) {
    for (const auto& [taxonomy, ids] : docs[i].terms) {
      for (const auto& id : ids) site->taxonomies[taxonomy].documents[id].push_back(i);
    }
  }
}

std::vector<size_t> related_documents(const Site& site, size_t index, size_t limit) {
  const auto& docs = site.documents;
  if (index >= docs.size() || !site.has_page(docs[index])) return {};
  std::vector<std::pair<int, size_t>> shared;  // (shared terms, doc)
  // One counter per document, per thread, left at zero after each use:
  // a fresh vector per document made this quadratic in the site's size.
  thread_local std::vector<int> counts;
  if (counts.size() < docs.size()) counts.assign(docs.size(), 0);
  for (const auto& [taxonomy, ids] : docs[index].terms) {
    const auto& documents = site.taxonomies.at(taxonomy).documents;
    for (const auto& id : ids) {
      for (size_t other : documents.at(id)) {
        if (other != index && counts[other]++ == 0) shared.emplace_back(0, other);
      }
    }
  }
  for (auto& entry : shared) {
    entry.first = counts[entry.second];
    counts[entry.second] = 0;
  }
  size_t keep = std::min(limit, shared.size());
  std::partial_sort(shared.begin(), shared.begin() + static_cast<long>(keep), shared.end(),
                    [&](const auto& a, const auto& b) {
                      if (a.first != b.first) return a.first > b.first;
                      return newer(docs[a.second], docs[b.second]);
                    });
  std::vector<size_t> related;
  for (size_t k = 0; k < keep; ++k) related.push_back(shared[k].second);
  return related;
}

void compute_mentions(Site* site) {
  const auto& docs = site->documents;
  site->mentions.assign(docs.size(), {});
  auto mention = [&](size_t from, const std::string& field, const std::string& key) {
    auto it = site->by_key.find(key);
    if (it != site->by_key.end()) site->mentions[it->second].push_back({from, field});
  };
  for (const auto& taxonomy : site->config.taxonomies) {
    if (taxonomy.kind != VocabularyKind::kDocuments) continue;
    for (size_t i = 0; i < docs.size(); ++i) {
      if (!site->shows(docs[i])) continue;
      for (const auto& field : docs[i].term_fields) {
        if (field.taxonomy != taxonomy.name) continue;
        for (const auto& id : field.ids) mention(i, field.field, taxonomy.document_type + "/" + id);
      }
    }
  }
  // References name documents too: a case study's initiatives, a request's
  // matched offers.
  for (size_t i = 0; i < docs.size(); ++i) {
    if (!site->shows(docs[i])) continue;
    for (const auto& field : docs[i].reference_fields) {
      for (const auto& slug : field.slugs) mention(i, field.field, field.type + "/" + slug);
    }
  }
  // Documents were visited in listing order already; keep each list newest first.
  for (auto& list : site->mentions) {
    std::stable_sort(list.begin(), list.end(), [&](const Mention& a, const Mention& b) {
      return newer(docs[a.document], docs[b.document]);
    });
  }
}

std::vector<size_t> newest_documents(const Site& site, size_t limit) {
  std::vector<size_t> order;
  for (size_t i = 0; i < site.documents.size(); ++i) {
    const Document& doc = site.documents[i];
    const ContentType* type = site.config.type(doc.type);
    // An organization's date is when it was entered, not news.
    if (site.shows(doc) && (!type || type->publication_dates)) order.push_back(i);
  }
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return site.documents[a].date > site.documents[b].date;
  });
  if (order.size() > limit) order.resize(limit);
  return order;
}

const Document* Site::find(const std::string& type, const std::string& slug) const {
  auto it = by_key.find(type + "/" + slug);
  return it == by_key.end() ? nullptr : &documents[it->second];
}

const Document* Site::term_document(const Taxonomy& taxonomy, const std::string& term_id) const {
  if (taxonomy.kind != VocabularyKind::kDocuments) return nullptr;
  return find(taxonomy.document_type, term_id);
}

}  // namespace agora
