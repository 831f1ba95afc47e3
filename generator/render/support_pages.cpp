// The clearing-house's pages and its parts of shared views (render/
// support_pages.h): PageViews methods kept apart from page_views.cpp.

#include "render/support_pages.h"

#include <algorithm>
#include <cstdio>
#include <set>

#include "model/clearing_house.h"
#include "model/dashboard.h"
#include "model/issue_forms.h"
#include "model/matching.h"
#include "render/page_views.h"
#include "util/human_bytes.h"
#include "util/text.h"

namespace agora {

namespace {

std::string lower_id(const std::string& id) { return ascii_lower(id); }

std::optional<std::string> non_empty(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return text;
}

const std::string& term_name(const Site& site, const TermRef& ref) {
  auto vocabulary = site.vocabularies.find(ref.taxonomy);
  const Term* term =
      vocabulary == site.vocabularies.end() ? nullptr : vocabulary->second.by_id(ref.id);
  return term ? term->name : ref.id;
}

// `items` joined by the language's comma: reasons read as one list
// ("same service, serves Western Africa, works in French").
std::string comma_list(const Words& words, const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) {
    if (item.empty()) continue;
    if (!out.empty()) out += words.format("list_comma");
    out += item;
  }
  return out;
}

}  // namespace

// ------------------------------------------------------------------- paths

std::string support_dir(const Site& site, const std::string& local) {
  return site.dir(std::string(kSupportPath) + local);
}
std::string request_support_dir(const Site& site) { return support_dir(site, "request/"); }
std::string dashboard_dir(const Site& site) { return support_dir(site, "dashboard/"); }
std::string needs_dir(const Site& site) { return support_dir(site, "needs/"); }

std::string support_cell_dir(const Site& site, const SupportMap& map, size_t row, size_t column) {
  return support_dir(site, map.services->path() + lower_id(map.rows[row]->id) + "/" +
                               lower_id(map.columns[column]->id) + "/");
}

std::string needs_cell_dir(const Site& site, const SupportMap& map, size_t row, size_t column) {
  return needs_dir(site) + lower_id(map.rows[row]->id) + "/" + lower_id(map.columns[column]->id) +
         "/";
}

std::string countries_dir(const Site& site, const SupportMap& map) {
  return support_dir(site, map.countries->path());
}

std::string country_dir(const Site& site, const SupportMap& map, const std::string& id) {
  return countries_dir(site, map) + lower_id(id) + "/";
}

// ------------------------------------------------------------------ charts

BarChart bar_chart(const std::string& id, const std::string& title, const std::string& description,
                   const std::vector<FigureRow>& rows) {
  BarChart chart;
  chart.id = id;
  chart.title = title;
  chart.description = description;
  chart.width = kChartWidth;
  chart.bar_height = kChartBarHeight;
  size_t max = 0;
  for (const auto& row : rows) max = std::max(max, row.total);
  auto span = [&](size_t n) {
    return max == 0 ? 0
                    : static_cast<int>((static_cast<size_t>(kChartBarSpan) * n + max / 2) / max);
  };
  int top = 0;
  for (const auto& row : rows) {
    ChartBar bar;
    bar.label = row.name;
    bar.value = row.total;
    bar.label_y = top + 13;
    bar.bar_y = top + 18;
    bar.real_width = span(row.real);
    bar.examples_x = bar.real_width;
    // The two parts together are as long as the total's bar.
    bar.examples_width = span(row.total) - bar.real_width;
    bar.value_x = bar.examples_x + bar.examples_width + 6;
    chart.bars.push_back(std::move(bar));
    top += kChartRowHeight;
  }
  chart.height = std::max(top, kChartRowHeight / 2);
  return chart;
}

// ------------------------------------------------------ shared view parts

std::optional<SupportLinks> PageViews::support_links(const std::string& dir) const {
  if (!support_) return std::nullopt;
  SupportLinks links;
  links.find_url = url(dir, support_dir(site_));
  links.request_url = url(dir, request_support_dir(site_));
  links.dashboard_url = url(dir, dashboard_dir(site_));
  links.needs_url = url(dir, needs_dir(site_));
  links.countries_url = url(dir, countries_dir(site_, *support_));
  links.offer_form_url = form_url(site_.config.clearing_house.offers_type, {});
  links.current = dir.starts_with(support_dir(site_));
  return links;
}

std::optional<std::string> PageViews::form_url(
    const std::string& type, const std::vector<std::pair<std::string, std::string>>& values) const {
  const IssueFormConfig* form = site_.config.form(type);
  if (!form) return std::nullopt;
  return non_empty(new_issue_url(site_.config, *form, values));
}

// The form asks a term field by the terms' names: a dropdown's options are
// the names, so GitHub preselects the one given.
std::vector<std::pair<std::string, std::string>> PageViews::prefill(
    const std::string& type,
    const std::vector<std::pair<const Taxonomy*, const Term*>>& terms) const {
  std::vector<std::pair<std::string, std::string>> values;
  const IssueFormConfig* form = site_.config.form(type);
  const ContentType* content_type = site_.config.type(type);
  if (!form || !content_type) return values;
  for (const auto& [taxonomy, term] : terms) {
    for (const auto& name : form->fields) {
      const FieldSchema* field = content_type->field(name);
      if (!field || field->type != FieldType::kListOfTerms || field->taxonomy != taxonomy->name) {
        continue;
      }
      values.emplace_back(name, term->name);
      break;
    }
  }
  return values;
}

std::vector<TermLink> PageViews::field_links(const std::string& dir, const Document& doc,
                                             const std::vector<std::string>& fields) const {
  std::vector<TermLink> links;
  for (const auto& name : fields) {
    for (const auto& terms : doc.term_fields) {
      if (terms.field != name) continue;
      for (auto& link : term_links(dir, terms.taxonomy, terms.ids)) {
        links.push_back(std::move(link));
      }
    }
  }
  return links;
}

ProviderEntry PageViews::provider_entry(const std::string& dir, size_t document) const {
  const Document& doc = site_.documents[document];
  const SupportDirectory& directory = site_.config.clearing_house.directory;
  return {item(dir, document), field_links(dir, doc, {directory.services}),
          field_links(dir, doc, directory.places)};
}

// Each reason is the theme's message for its criterion and outcome
// (match_reasons.CRITERION.OUTCOME, else match_reasons.other.OUTCOME), with
// {offered}: the offer's terms that matched, {covered}: the request's terms
// they cover, {missing}: the request's terms nothing covers, {criterion}.
SuggestedMatch PageViews::suggested_match(const std::string& dir, size_t rank, size_t request,
                                          const OfferMatch& match) const {
  const ClearingHouseConfig& house = site_.config.clearing_house;
  SuggestedMatch out;
  out.rank = rank;
  out.offer = item(dir, match.offer);
  out.providers = field_links(dir, site_.documents[match.offer], {house.provider_field});
  const nlohmann::json& reasons = words_.group("match_reasons");
  std::vector<std::string> texts;
  for (const auto& result : match.criteria) {
    const MatchCriterion* criterion = nullptr;
    for (const auto& c : house.criteria) {
      if (c.name == result.criterion) criterion = &c;
    }
    std::vector<TermRef> wanted;
    if (criterion) {
      wanted =
          most_specific(site_, field_terms(site_.documents[request], criterion->request_fields));
    }
    std::vector<std::string> offered, covered, missing;
    for (const auto& hit : result.hits) {
      const std::string& name = term_name(site_, hit.offered);
      if (std::find(offered.begin(), offered.end(), name) == offered.end()) offered.push_back(name);
      covered.push_back(term_name(site_, hit.wanted));
    }
    for (const auto& term : wanted) {
      bool hit = std::any_of(result.hits.begin(), result.hits.end(),
                             [&](const TermHit& h) { return h.wanted == term; });
      if (!hit) missing.push_back(term_name(site_, term));
    }
    MatchReason reason;
    reason.criterion = result.criterion;
    reason.outcome = result.hits.empty()                  ? "miss"
                     : result.hits.size() < result.wanted ? "partial"
                                                          : "hit";
    nlohmann::json message;
    for (const char* group : {result.criterion.c_str(), "other"}) {
      auto found = reasons.find(group);
      if (found == reasons.end() || !found->is_object()) continue;
      auto text = found->find(reason.outcome);
      if (text != found->end() && text->is_string()) {
        message = *text;
        break;
      }
    }
    if (message.is_string()) {
      Words one(words_.language(), nlohmann::json{{"message", message}});
      reason.text = one.format("message", {{"criterion", result.criterion},
                                           {"offered", words_.list(offered)},
                                           {"covered", words_.list(covered)},
                                           {"missing", words_.list(missing)}});
    }
    texts.push_back(reason.text);
    out.reasons.push_back(std::move(reason));
  }
  out.summary = comma_list(words_, texts);
  return out;
}

void PageViews::add_clearing_house(size_t index, DocumentView* view) const {
  const Document& doc = site_.documents[index];
  const ClearingHouseConfig& house = site_.config.clearing_house;
  if (!house.enabled) return;
  if (is_request(site_, doc) && is_open(site_, doc)) {
    view->awaiting_match = true;
    std::vector<OfferMatch> ranked = rank_offers(site_, doc);
    size_t keep = std::min(ranked.size(), static_cast<size_t>(std::max(0, house.suggestions)));
    for (size_t k = 0; k < keep; ++k) {
      view->suggestions.push_back(suggested_match(doc.path, k + 1, index, ranked[k]));
    }
  }
  view->has_suggestions = !view->suggestions.empty();
  // An organization (a term of the providers' vocabulary) took up the
  // requests matched with its offers.
  const ContentType* offers = site_.config.type(house.offers_type);
  const FieldSchema* provider = offers ? offers->field(house.provider_field) : nullptr;
  const Taxonomy* providers = provider ? site_.config.taxonomy(provider->taxonomy) : nullptr;
  if (providers && providers->document_type == doc.type) {
    view->taken_up = items(doc.path, requests_taken_up(site_, doc.slug));
  }
  view->has_taken_up = !view->taken_up.empty();
}

// ------------------------------------------------------------------- pages

SupportPage PageViews::support() const {
  const SupportMap& map = *support_;
  const std::string dir = support_dir(site_);
  SupportPage view;
  view.site = site_info(dir);
  view.page = page_info(dir, "support", words_.format("find_support"), {});
  SupportHub& hub = view.support;
  for (const auto& name : site_.config.clearing_house.directory.types) {
    const ContentType* type = site_.config.type(name);
    auto documents = site_.by_type.find(name);
    if (!type || documents == site_.by_type.end()) continue;
    hub.types.push_back(
        {type->title, type->singular, url(dir, site_.dir(name + "/")), documents->second.size()});
  }
  for (const Term* column : map.columns) {
    hub.columns.push_back({column->name, term_url(*map.regions, *column, dir)});
  }
  for (size_t r = 0; r < map.rows.size(); ++r) {
    SupportRow row{map.rows[r]->name, term_url(*map.services, *map.rows[r], dir), {}};
    for (size_t c = 0; c < map.columns.size(); ++c) {
      size_t count = map.cells[r][c].providers.size();
      SupportCellView cell{count, map.columns[c]->name, std::nullopt};
      if (count > 0) cell.url = url(dir, support_cell_dir(site_, map, r, c));
      row.cells.push_back(std::move(cell));
    }
    hub.rows.push_back(std::move(row));
  }
  hub.rows_title = map.services->title;
  hub.columns_title = map.regions->title;
  return view;
}

ProvidersPage PageViews::support_cell(size_t row, size_t column) const {
  const SupportMap& map = *support_;
  const Term& service = *map.rows[row];
  const Term& region = *map.columns[column];
  const std::string dir = support_cell_dir(site_, map, row, column);
  const std::string title =
      words_.format("gap_cell_title", {{"row", service.name}, {"column", region.name}});
  ProvidersPage view;
  view.site = site_info(dir);
  view.page =
      page_info(dir, "providers", title, {{words_.format("find_support"), support_dir(site_)}});
  ProviderList& list = view.providers;
  list.title = title;
  list.kicker = words_.format("find_support");
  list.kicker_url = url(dir, support_dir(site_));
  list.description = non_empty(service.description);
  const auto& providers = map.cells[row][column].providers;
  for (const auto& name : site_.config.clearing_house.directory.types) {
    ProviderGroup group{site_.config.type(name)->title, 0, {}};
    for (size_t document : providers) {
      if (site_.documents[document].type == name) {
        group.entries.push_back(provider_entry(dir, document));
      }
    }
    group.count = group.entries.size();
    if (group.count > 0) list.groups.push_back(std::move(group));
  }
  list.count = providers.size();
  list.count_label = words_.plural("providers", static_cast<long long>(list.count));
  list.requests = items(dir, map.needs[row][column].open);
  list.has_requests = !list.requests.empty();
  std::vector<std::pair<const Taxonomy*, const Term*>> terms{{map.services, &service},
                                                             {map.regions, &region}};
  const ClearingHouseConfig& house = site_.config.clearing_house;
  list.request_url = form_url(house.requests_type, prefill(house.requests_type, terms));
  list.offer_url = form_url(house.offers_type, prefill(house.offers_type, terms));
  return view;
}

ListingPage PageViews::needs_cell(size_t row, size_t column, size_t page) const {
  const SupportMap& map = *support_;
  const std::string first = needs_cell_dir(site_, map, row, column);
  const std::string dir = page_dir(first, page);
  const std::string title = words_.format(
      "gap_cell_title", {{"row", map.rows[row]->name}, {"column", map.columns[column]->name}});
  ListingPage view;
  view.site = site_info(dir);
  view.page = page_info(dir, "gap-cell", title,
                        {{words_.format("find_support"), support_dir(site_)},
                         {words_.format("needs_map"), needs_dir(site_)}});
  view.listing = listing(title, first, page, map.needs[row][column].open);
  view.listing.kicker = words_.format("needs_map");
  view.listing.kicker_url = url(dir, needs_dir(site_));
  return view;
}

CountriesPage PageViews::countries() const {
  const SupportMap& map = *support_;
  const std::string dir = countries_dir(site_, map);
  const std::string title = words_.format("support_by_country");
  CountriesPage view;
  view.site = site_info(dir);
  view.page =
      page_info(dir, "countries", title, {{words_.format("find_support"), support_dir(site_)}});
  view.countries.title = title;
  // Each country under its first broader term (its M49 region), regions in
  // vocabulary order; countries with none last, under the taxonomy's title.
  const Vocabulary& countries = site_.vocabularies.at(map.countries->name);
  std::map<std::string, std::vector<const Term*>> by_region;
  for (const auto& term : countries.terms()) {
    by_region[term.broader.empty() ? "" : term.broader.front()].push_back(&term);
  }
  std::vector<std::pair<std::string, std::string>> groups;  // id, name
  const Taxonomy* broader = site_.config.taxonomy(map.countries->broader_taxonomy);
  if (broader) {
    for (const auto& region : site_.vocabularies.at(broader->name).terms()) {
      if (by_region.count(region.id)) groups.emplace_back(region.id, region.name);
    }
  }
  if (by_region.count("")) groups.emplace_back("", map.countries->title);
  for (const auto& [id, name] : groups) {
    std::vector<const Term*> members = by_region[id];
    std::stable_sort(members.begin(), members.end(),
                     [](const Term* a, const Term* b) { return a->name < b->name; });
    CountryGroup group{name, "region-" + (id.empty() ? std::string("other") : lower_id(id)), {}};
    for (const Term* country : members) {
      size_t count = 0;
      for (const auto& area :
           providers_for(site_, map.directory, {map.countries->name, country->id})) {
        count += area.documents.size();
      }
      group.countries.push_back(
          {country->name, url(dir, country_dir(site_, map, country->id)), count});
    }
    view.countries.groups.push_back(std::move(group));
  }
  return view;
}

ProvidersPage PageViews::country(const Term& country) const {
  const SupportMap& map = *support_;
  const std::string dir = country_dir(site_, map, country.id);
  ProvidersPage view;
  view.site = site_info(dir);
  view.page = page_info(dir, "providers", country.name,
                        {{words_.format("find_support"), support_dir(site_)},
                         {words_.format("support_by_country"), countries_dir(site_, map)}});
  ProviderList& list = view.providers;
  list.title = country.name;
  list.kicker = words_.format("support_by_country");
  list.kicker_url = url(dir, countries_dir(site_, map));
  const TermRef ref{map.countries->name, country.id};
  for (const auto& area : providers_for(site_, map.directory, ref)) {
    ProviderGroup group{words_.format("serving_area", {{"area", term_name(site_, area.area)}}),
                        area.documents.size(),
                        {}};
    for (size_t document : area.documents) group.entries.push_back(provider_entry(dir, document));
    list.count += group.count;
    list.groups.push_back(std::move(group));
  }
  list.count_label = words_.plural("providers", static_cast<long long>(list.count));
  list.requests = items(dir, requests_from(site_, ref));
  list.has_requests = !list.requests.empty();
  std::vector<std::pair<const Taxonomy*, const Term*>> terms{{map.countries, &country}};
  const ClearingHouseConfig& house = site_.config.clearing_house;
  list.request_url = form_url(house.requests_type, prefill(house.requests_type, terms));
  list.offer_url = form_url(house.offers_type, prefill(house.offers_type, terms));
  list.term_url = term_url(*map.countries, country, dir);
  return view;
}

RequestSupportPage PageViews::request_support() const {
  const std::string dir = request_support_dir(site_);
  const ClearingHouseConfig& house = site_.config.clearing_house;
  RequestSupportPage view;
  view.site = site_info(dir);
  view.page = page_info(dir, "request-support", words_.format("request_support"),
                        {{words_.format("find_support"), support_dir(site_)}});
  RequestSupport& request = view.request;
  const IssueFormConfig* form = site_.config.form(house.requests_type);
  const ContentType* type = site_.config.type(house.requests_type);
  std::string subject = words_.format("request_support");
  if (form && type) {
    request.form_name = form->name;
    request.issue_url = form_url(house.requests_type, {});
    for (const auto& name : form->fields) {
      if (const FieldSchema* field = type->field(name)) request.fields.push_back(field->label);
    }
    if (!form->body_label.empty()) request.fields.push_back(form->body_label);
    if (!form->title.empty()) subject = form->title;
  }
  if (!house.email.empty()) {
    request.email = house.email;
    // A message laid out like the form: each label, then room to answer.
    std::string body;
    for (const auto& label : request.fields) body += label + ":\n\n\n";
    request.mailto_url = "mailto:" + house.email + "?subject=" + percent_encode(subject) +
                         "&body=" + percent_encode(body);
  }
  request.offer_url = form_url(house.offers_type, {});
  return view;
}

FigureTable PageViews::figure_table(const std::string& dir, const std::string& id,
                                    const std::string& title, const std::string& column,
                                    const std::string& taxonomy,
                                    const std::vector<FigureCount>& counts) const {
  FigureTable table;
  table.id = id;
  table.title = title;
  table.column = column;
  const Taxonomy* terms = taxonomy.empty() ? nullptr : site_.config.taxonomy(taxonomy);
  std::vector<std::string> described;
  for (const auto& count : counts) {
    FigureRow row{count.key, std::nullopt, count.real, count.examples, count.real + count.examples};
    if (terms) {
      if (const Term* term = site_.vocabularies.at(terms->name).by_id(count.key)) {
        row.name = term->name;
        row.url = term_url(*terms, *term, dir);
      }
    }
    if (row.total > 0) table.empty = false;
    described.push_back(words_.format("chart_bar", {{"name", row.name},
                                                    {"real", std::to_string(row.real)},
                                                    {"examples", std::to_string(row.examples)},
                                                    {"total", std::to_string(row.total)}}));
    table.rows.push_back(std::move(row));
  }
  std::string description;
  for (const auto& text : described) description += (description.empty() ? "" : "; ") + text;
  table.chart = bar_chart(id + "-chart", title, description, table.rows);
  return table;
}

DashboardPage PageViews::dashboard() const {
  const std::string dir = dashboard_dir(site_);
  const ClearingHouseConfig& house = site_.config.clearing_house;
  const Dashboard figures = compute_dashboard(site_);
  DashboardPage view;
  view.site = site_info(dir);
  view.page = page_info(dir, "dashboard", words_.format("dashboard"),
                        {{words_.format("find_support"), support_dir(site_)}});
  DashboardView& d = view.dashboard;
  d.requests = figures.requests.real;
  d.examples = figures.requests.examples;
  d.successful = figures.successful.real;
  d.successful_examples = figures.successful.examples;
  if (figures.median_days_to_match) d.median_days = number_text(*figures.median_days_to_match);
  d.timed_matches = figures.timed_matches;
  d.undated_matches = figures.undated_matches.real;
  d.undated_examples = figures.undated_matches.examples;
  const ContentType* type = site_.config.type(house.requests_type);
  for (const auto& breakdown : figures.breakdowns) {
    const FieldSchema* field = type ? type->field(breakdown.field) : nullptr;
    std::string label = field ? field->label : breakdown.field;
    d.breakdowns.push_back(figure_table(
        dir, "by-" + lower_id(breakdown.field),
        words_.format("dashboard_by", {{"field", label}, {"field_lower", ascii_lower(label)}}),
        label, breakdown.taxonomy, breakdown.counts));
  }
  d.quarters = figure_table(dir, "per-quarter", words_.format("dashboard_quarters"),
                            words_.format("quarter"), "", figures.matches_per_quarter);
  for (const char* ext : {"json", "csv"}) {
    std::string path = "data/" + house.requests_type + "-figures." + ext;
    auto size = extras_.data_sizes.find(path);
    if (size == extras_.data_sizes.end()) continue;
    d.downloads.push_back(
        {ext == std::string("json") ? "JSON" : "CSV", url(dir, path), human_bytes(size->second)});
  }
  return view;
}

NeedsMapPage PageViews::needs_map() const {
  const SupportMap& map = *support_;
  const std::string dir = needs_dir(site_);
  NeedsMapPage view;
  view.site = site_info(dir);
  view.page = page_info(dir, "needs-map", words_.format("needs_map"),
                        {{words_.format("find_support"), support_dir(site_)}});
  NeedsMapView& needs = view.needs;
  for (const Term* column : map.columns) {
    needs.columns.push_back({column->name, term_url(*map.regions, *column, dir)});
  }
  std::set<size_t> open;
  for (size_t r = 0; r < map.rows.size(); ++r) {
    NeedsRow row{map.rows[r]->name, term_url(*map.services, *map.rows[r], dir), 0, 0, {}};
    std::set<size_t> row_open, row_unmet;
    for (size_t c = 0; c < map.columns.size(); ++c) {
      const NeedCell& cell = map.needs[r][c];
      NeedsCellView out;
      out.column = map.columns[c]->name;
      out.open = cell.open.size();
      out.unmet = cell.unmet.size();
      out.offers = cell.offers.size();
      out.open_label = words_.plural("needs_open", static_cast<long long>(out.open));
      out.unmet_label = words_.plural("needs_unmet", static_cast<long long>(out.unmet));
      out.offers_label = words_.plural("needs_offers", static_cast<long long>(out.offers));
      if (out.open > 0) out.url = url(dir, needs_cell_dir(site_, map, r, c));
      if (out.offers > 0) out.offers_url = url(dir, support_cell_dir(site_, map, r, c));
      if (out.unmet > 0) ++needs.gaps;
      row_open.insert(cell.open.begin(), cell.open.end());
      row_unmet.insert(cell.unmet.begin(), cell.unmet.end());
      open.insert(cell.open.begin(), cell.open.end());
      row.cells.push_back(std::move(out));
    }
    row.open = row_open.size();
    row.unmet = row_unmet.size();
    needs.rows.push_back(std::move(row));
  }
  open.insert(map.unplaced.begin(), map.unplaced.end());
  needs.open = open.size();
  for (size_t request : open) {
    if (is_example(site_, site_.documents[request])) ++needs.examples;
  }
  needs.rows_title = map.services->title;
  needs.columns_title = map.regions->title;
  size_t cells = map.rows.size() * map.columns.size();
  needs.gaps_line = words_.plural("needs_gaps", static_cast<long long>(needs.gaps),
                                  {{"cells", std::to_string(cells)}});
  needs.examples_line = words_.plural("needs_examples", static_cast<long long>(needs.examples),
                                      {{"open", std::to_string(needs.open)}});
  if (!map.unplaced.empty()) {
    needs.unplaced_line =
        words_.plural("needs_unplaced", static_cast<long long>(map.unplaced.size()));
  }
  return view;
}

}  // namespace agora
