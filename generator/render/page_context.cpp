#include "render/page_context.h"

#include <algorithm>
#include <map>
#include <set>

#include "util/text.h"

using nlohmann::json;

namespace agora {

namespace {
void add_facts_and_lists(const ContentType& type, const Document& doc, json* d);
}  // namespace

std::string page_dir(const std::string& first_dir, size_t page) {
  return page <= 1 ? first_dir : first_dir + "page/" + std::to_string(page) + "/";
}

std::string term_path(const Site& site, const Taxonomy& taxonomy, const std::string& term_id) {
  if (const Document* doc = site.term_document(taxonomy, term_id)) return doc->path;
  return taxonomy.path() + ascii_lower(term_id) + "/";
}

std::string text_direction(const std::string& language) {
  static const char* kRightToLeft[] = {"ar", "arc", "ckb", "dv", "fa", "he",
                                       "ps", "sd",  "ug",  "ur", "yi"};
  std::string primary = ascii_lower(language.substr(0, language.find_first_of("-_")));
  for (const char* code : kRightToLeft) {
    if (primary == code) return "rtl";
  }
  return "ltr";
}

std::string PageContext::display_date(const std::string& iso_day) {
  static const char* kMonths[] = {"January",   "February", "March",    "April",
                                  "May",       "June",     "July",     "August",
                                  "September", "October",  "November", "December"};
  if (iso_day.size() < 10) return iso_day;
  int month = std::stoi(iso_day.substr(5, 2));
  int day = std::stoi(iso_day.substr(8, 2));
  return std::to_string(day) + " " + kMonths[month - 1] + " " + iso_day.substr(0, 4);
}

json PageContext::base(const std::string& dir, const std::string& kind,
                       const std::string& title) const {
  const SiteConfig& config = site_.config;
  json nav = json::array();
  for (const auto& type : config.types) {
    nav.push_back({{"title", type.title},
                   {"url", url(dir, type.name + "/")},
                   {"current", dir.starts_with(type.name + "/")}});
  }
  json taxonomies = json::array();
  for (const auto& taxonomy : config.taxonomies) {
    if (taxonomy.kind == VocabularyKind::kDocuments) continue;
    if (site_.taxonomies.at(taxonomy.name).documents.empty()) continue;
    taxonomies.push_back({{"title", taxonomy.title}, {"url", url(dir, taxonomy.path())}});
  }
  json site = {
      {"title", config.title},
      {"description", config.description},
      {"language", config.language},
      {"direction", text_direction(config.language)},
      // A directory prefix for assets and scripts, never a page link, so no
      // index.html even offline.
      {"root", relative_url(dir, "", UrlStyle{})},
      {"home_url", url(dir, "")},
      {"css_url", url(dir, "css/site.css")},
      {"search_url", url(dir, "search/")},
      {"feed_url", url(dir, "feed.xml")},
      {"downloads_url", url(dir, "downloads/")},
      {"offline", style_.offline},
      {"nav", nav},
      {"taxonomies", taxonomies},
  };
  json page = {
      {"kind", kind},
      {"title", title},
      {"description", config.description},
      {"path", dir},
      {"canonical", config.base_url.empty() ? "" : absolute_url(config.base_url, dir)},
      {"is_" + kind, true},
      {"breadcrumbs", json::array()},
  };
  if (!bundle_file_.empty()) {
    site["bundle"] = {{"url", url(dir, bundle_file_)}, {"size", bundle_size_}};
  }
  return {{"site", site}, {"page", page}};
}

json PageContext::item(const std::string& dir, size_t index) const {
  const Document& doc = site_.documents[index];
  const ContentType* type = site_.config.type(doc.type);
  return {{"title", doc.title},
          {"url", url(dir, doc.path)},
          {"date", doc.date},
          {"date_display", display_date(doc.date)},
          {"summary", doc.summary},
          {"type", doc.type},
          {"type_singular", type->singular},
          {"type_url", url(dir, doc.type + "/")}};
}

json PageContext::items(const std::string& dir, const std::vector<size_t>& documents) const {
  json list = json::array();
  for (size_t index : documents) list.push_back(item(dir, index));
  return list;
}

json PageContext::pagination(const std::string& first_dir, size_t page, size_t pages) const {
  std::string dir = page_dir(first_dir, page);
  json list = json::array();
  for (size_t n = 1; n <= pages; ++n) {
    list.push_back(
        {{"number", n}, {"url", url(dir, page_dir(first_dir, n))}, {"current", n == page}});
  }
  json out = {{"current", page}, {"total", pages}, {"pages", list}, {"paginated", pages > 1}};
  if (page > 1) out["prev_url"] = url(dir, page_dir(first_dir, page - 1));
  if (page < pages) out["next_url"] = url(dir, page_dir(first_dir, page + 1));
  return out;
}

json PageContext::term_links(const std::string& dir, const std::string& taxonomy_name,
                             const std::vector<std::string>& ids) const {
  const Taxonomy& taxonomy = *site_.config.taxonomy(taxonomy_name);
  const Vocabulary& vocabulary = site_.vocabularies.at(taxonomy_name);
  json links = json::array();
  for (const auto& id : ids) {
    const Term* term = vocabulary.by_id(id);
    links.push_back({{"id", id},
                     {"name", term ? term->name : id},
                     {"url", url(dir, term_path(site_, taxonomy, id))}});
  }
  return links;
}

// Term and reference fields, in schema order, as labelled lists of links.
json PageContext::metadata(const std::string& dir, const Document& doc) const {
  json meta = json::array();
  const ContentType& type = *site_.config.type(doc.type);
  for (const auto& field : type.fields) {
    json links;
    for (const auto& terms : doc.term_fields) {
      if (terms.field == field.name) links = term_links(dir, terms.taxonomy, terms.ids);
    }
    for (const auto& refs : doc.reference_fields) {
      if (refs.field != field.name) continue;
      links = json::array();
      for (const auto& slug : refs.slugs) {
        const Document* target = site_.find(refs.type, slug);
        if (!target) continue;  // a draft target; the validator reported it
        links.push_back({{"id", slug}, {"name", target->title}, {"url", url(dir, target->path)}});
      }
    }
    if (links.is_null() || links.empty()) continue;
    meta.push_back({{"field", field.name}, {"label", field.label}, {"items", links}});
  }
  return meta;
}

namespace {

// How a naming field relates the named document to the one naming it. The
// fields are the repository's schema (site.yaml); a field not listed here
// gets a group of its own, labelled after the field.
struct MentionRole {
  const char* field;
  const char* group;  // fields with the same group share a section
  const char* label;
};
constexpr MentionRole kMentionRoles[] = {
    {"lead_organizations", "leads", "Leads"},       {"champions", "leads", "Leads"},
    {"partners", "partners", "Partner in"},         {"participants", "partners", "Partner in"},
    {"organizations", "mentioned", "Mentioned in"},
};

const MentionRole* mention_role(const std::string& field) {
  for (const auto& role : kMentionRoles) {
    if (field == role.field) return &role;
  }
  return nullptr;
}

}  // namespace

// Who names this document, grouped by role: for an organization, what it
// leads, what it partners in, and where it is mentioned. A document shows up
// once, in the first of those groups that holds it; unknown fields come last.
json PageContext::mentions(const std::string& dir, size_t index) const {
  json groups = json::array();
  if (index >= site_.mentions.size()) return groups;
  struct Group {
    std::string label;
    std::vector<size_t> documents;
  };
  std::vector<std::string> order;
  for (const auto& role : kMentionRoles) {
    if (std::find(order.begin(), order.end(), role.group) == order.end())
      order.push_back(role.group);
  }
  std::map<std::string, Group> by_group;
  std::set<std::string> other_fields;
  for (const auto& mention : site_.mentions[index]) {
    const MentionRole* role = mention_role(mention.field);
    std::string group = role ? role->group : "field:" + mention.field;
    if (!role) other_fields.insert(mention.field);
    Group& g = by_group[group];
    if (g.label.empty()) {
      // An unknown role is named by the field's label in the naming type's schema.
      const Document& naming = site_.documents[mention.document];
      const FieldSchema* field = site_.config.type(naming.type)->field(mention.field);
      g.label =
          role ? role->label : "Named in " + ascii_lower(field ? field->label : mention.field);
    }
    g.documents.push_back(mention.document);
  }
  for (const auto& field : other_fields) order.push_back("field:" + field);
  std::set<size_t> shown;
  for (const auto& name : order) {
    auto it = by_group.find(name);
    if (it == by_group.end()) continue;
    std::vector<size_t> documents;
    for (size_t doc : it->second.documents) {
      if (shown.insert(doc).second) documents.push_back(doc);
    }
    if (documents.empty()) continue;
    groups.push_back({{"group", name},
                      {"label", it->second.label},
                      {"count", documents.size()},
                      {"items", items(dir, documents)}});
  }
  return groups;
}

namespace {

// Single-value fields (status, website, acronym...) and plain lists
// (decisions, outcomes...), in schema order, so a theme shows any schema.
void add_facts_and_lists(const ContentType& type, const Document& doc, json* d) {
  static const char* kShownElsewhere[] = {"title", "date", "summary", "updated", "draft"};
  json facts = json::array(), lists = json::array();
  for (const auto& field : type.fields) {
    if (!doc.fields.contains(field.name)) continue;
    if (std::find(std::begin(kShownElsewhere), std::end(kShownElsewhere), field.name) !=
        std::end(kShownElsewhere)) {
      continue;
    }
    const json& value = doc.fields[field.name];
    const std::string& label = field.label;
    switch (field.type) {
      case FieldType::kString:
      case FieldType::kText:
      case FieldType::kEnum:
        facts.push_back({{"field", field.name}, {"label", label}, {"value", value}});
        break;
      case FieldType::kDate:
        facts.push_back({{"field", field.name},
                         {"label", label},
                         {"value", PageContext::display_date(value.get<std::string>())}});
        break;
      case FieldType::kUrl:
        facts.push_back(
            {{"field", field.name}, {"label", label}, {"value", value}, {"url", value}});
        break;
      case FieldType::kList:
        if (!value.empty()) {
          lists.push_back({{"field", field.name}, {"label", label}, {"items", value}});
        }
        break;
      default:
        break;
    }
  }
  (*d)["facts"] = facts;
  (*d)["lists"] = lists;
}

}  // namespace

json PageContext::document(size_t index, const RenderedBody& body) const {
  const Document& doc = site_.documents[index];
  const ContentType& type = *site_.config.type(doc.type);
  json ctx = base(doc.path, "document", doc.title);
  ctx["page"]["description"] = doc.summary;
  ctx["page"]["breadcrumbs"] =
      json::array({{{"title", "Home"}, {"url", url(doc.path, "")}},
                   {{"title", type.title}, {"url", url(doc.path, doc.type + "/")}}});
  json d = item(doc.path, index);
  d["fields"] = doc.fields;
  // Mustache cannot test a list for emptiness without iterating it; themes
  // use {{#document.has.FIELD}} to wrap a field's section.
  json has = json::object();
  for (const auto& [name, value] : doc.fields.items()) {
    has[name] = !(value.is_array() || value.is_string()) || !value.empty();
  }
  d["has"] = has;
  d["type_title"] = type.title;
  d["content"] = body.html;
  d["toc"] = body.toc;
  d["toc_html"] = body.toc_html;
  d["has_toc"] = !body.toc_html.empty();
  d["metadata"] = metadata(doc.path, doc);
  d["related"] = site_.related.empty() ? json::array() : items(doc.path, site_.related[index]);
  d["mentions"] = mentions(doc.path, index);
  d["has_related"] = !d["related"].empty();
  d["has_mentions"] = !d["mentions"].empty();
  add_facts_and_lists(type, doc, &d);
  d["word_count"] = doc.word_count;
  if (!doc.updated.empty()) d["updated_display"] = display_date(doc.updated);
  std::string last = !doc.last_updated.empty() ? doc.last_updated
                     : !doc.updated.empty()    ? doc.updated
                                               : doc.date;
  d["last_updated"] = last;
  d["last_updated_display"] = display_date(last);
  json contributors = json::array();
  for (const auto& c : doc.contributors) {
    contributors.push_back({{"name", c.name}, {"commits", c.commits}});
  }
  d["contributors"] = contributors;
  d["has_contributors"] = !doc.contributors.empty();
  const SiteConfig& config = site_.config;
  if (!config.repository_url.empty()) {
    std::string file = config.repository_path.empty()
                           ? doc.source_path
                           : config.repository_path + "/" + doc.source_path;
    d["edit_url"] = config.repository_url + "/edit/" + config.repository_branch + "/" + file;
    d["history_url"] = config.repository_url + "/commits/" + config.repository_branch + "/" + file;
  }
  d["source_path"] = doc.source_path;
  ctx["document"] = d;
  return ctx;
}

}  // namespace agora
