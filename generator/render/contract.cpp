#include "render/contract.h"

#include <set>
#include <string_view>
#include <type_traits>

#include "render/view_json.h"
#include "render/views.h"

namespace agora {

namespace {

template <typename T>
void add_view(Contract* contract);

// Fills the type, shape and view of a key holding a T.
template <typename T>
void describe(ContractKey* key, Contract* contract) {
  if constexpr (view_json::View<T>) {
    key->shape = ContractKey::kObject;
    key->type = T::kName;
    key->view = T::kName;
    add_view<T>(contract);
  } else if constexpr (view_json::is_vector<T>::value) {
    using Element = typename T::value_type;
    ContractKey element;
    describe<Element>(&element, contract);
    key->shape = ContractKey::kList;
    key->type = "list of " + element.type;
    key->view = element.view;
  } else if constexpr (view_json::is_optional<T>::value) {
    describe<typename T::value_type>(key, contract);
    key->type += " or false";
  } else if constexpr (std::is_same_v<T, FrontMatterFields>) {
    key->shape = ContractKey::kMap;
    key->type = "object";
    key->map_keys = ContractKey::kSchemaKeys;
  } else if constexpr (std::is_same_v<T, FieldFlags>) {
    key->shape = ContractKey::kMap;
    key->type = "object of booleans";
    key->map_keys = ContractKey::kSchemaKeys;
  } else if constexpr (std::is_same_v<T, std::string> || std::is_same_v<T, SiteText>) {
    key->type = "string";
  } else if constexpr (std::is_same_v<T, bool>) {
    key->type = "boolean";
  } else {
    static_assert(std::is_arithmetic_v<T>,
                  "a view member must be a view, list, optional or scalar");
    key->type = "number";
  }
}

struct Collector {
  Contract* contract;
  std::string view;  // the view being collected (map nodes stay put on insert)
  template <typename T>
  void operator()(std::string_view name, const T&, const char* description) {
    ContractKey key;
    key.name = std::string(name);
    key.description = description;
    describe<T>(&key, contract);
    contract->views[view].keys.push_back(std::move(key));
  }
};

template <typename T>
void add_view(Contract* contract) {
  if (contract->views.count(T::kName)) return;
  contract->views[T::kName].name = T::kName;
  Collector collector{contract, T::kName};
  T{}.visit(collector);
}

template <typename Page>
void add_page(Contract* contract, const char* template_name) {
  add_view<Page>(contract);
  contract->templates.emplace_back(template_name, Page::kName);
  ContractView& view = contract->views[Page::kName];
  if (view.key("i18n")) return;
  ContractKey words;
  words.name = "i18n";
  words.type = "object";
  words.description = "the theme's words for the page's language (i18n/LANG.yaml)";
  words.shape = ContractKey::kMap;
  words.map_keys = ContractKey::kWordKeys;
  view.keys.push_back(std::move(words));
}

Contract build_contract() {
  Contract contract;
  add_page<HomePage>(&contract, "home");
  add_page<ListingPage>(&contract, "listing");
  add_page<TermPage>(&contract, "term");
  add_page<TaxonomyPage>(&contract, "taxonomy");
  add_page<GapMapPage>(&contract, "gap-map");
  add_page<DocumentPage>(&contract, "document");
  add_page<DownloadsPage>(&contract, "downloads");
  add_page<PlainPage>(&contract, "search");
  add_page<PlainPage>(&contract, "404");
  add_page<SupportPage>(&contract, "support");
  add_page<ProvidersPage>(&contract, "providers");
  add_page<CountriesPage>(&contract, "countries");
  add_page<RequestSupportPage>(&contract, "request-support");
  add_page<DashboardPage>(&contract, "dashboard");
  add_page<NeedsMapPage>(&contract, "needs-map");
  return contract;
}

// GitHub's anchor for a "### Name" heading.
std::string anchor(const std::string& view) {
  std::string out = "#";
  for (char c : view) out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return out;
}

std::string escape_cell(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '|') out += '\\';
    out += c;
  }
  return out;
}

}  // namespace

const ContractKey* ContractView::key(const std::string& name) const {
  for (const auto& k : keys) {
    if (k.name == name) return &k;
  }
  return nullptr;
}

const ContractView* Contract::view(const std::string& name) const {
  auto it = views.find(name);
  return it == views.end() ? nullptr : &it->second;
}

const ContractView* Contract::page_view(const std::string& template_name) const {
  std::string name = template_name.starts_with("document-") ? "document" : template_name;
  for (const auto& [tmpl, view_name] : templates) {
    if (tmpl == name) return view(view_name);
  }
  return nullptr;
}

const Contract& theme_contract() {
  static const Contract contract = build_contract();
  return contract;
}

std::string contract_markdown(const Contract& contract) {
  std::string out = "| template | rendered with |\n| --- | --- |\n";
  for (const auto& [tmpl, view] : contract.templates) {
    out += "| `" + tmpl + (tmpl == "document" ? "`, `document-TYPE`" : "`") + " | [" + view + "](" +
           anchor(view) + ") |\n";
  }
  // Views in the order a reader meets them: pages first, then what they hold.
  std::vector<std::string> order;
  std::set<std::string> seen;
  for (const auto& [_, view] : contract.templates) {
    if (seen.insert(view).second) order.push_back(view);
  }
  for (size_t i = 0; i < order.size(); ++i) {
    for (const auto& key : contract.views.at(order[i]).keys) {
      if (!key.view.empty() && seen.insert(key.view).second) order.push_back(key.view);
    }
  }
  for (const auto& name : order) {
    out += "\n### " + name + "\n\n| key | type | meaning |\n| --- | --- | --- |\n";
    for (const auto& key : contract.views.at(name).keys) {
      std::string type = key.view.empty() ? key.type
                                          : std::string(key.type).replace(
                                                key.type.find(key.view), key.view.size(),
                                                "[" + key.view + "](" + anchor(key.view) + ")");
      out += "| `" + key.name + "` | " + type + " | " + escape_cell(key.description) + " |\n";
    }
  }
  return out;
}

}  // namespace agora
