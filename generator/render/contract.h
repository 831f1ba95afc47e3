#pragma once
// The theme contract as data: every view of render/views.h with its keys,
// their types and meanings, and which view each template is rendered with.
// docs/THEMES.md holds contract_markdown()'s output (a test keeps them
// equal) and `agora check` checks templates against it.

#include <map>
#include <string>
#include <vector>

namespace agora {

struct ContractKey {
  std::string name;
  std::string type;  // for people: "string", "list of ListingItem", "Bundle or false"
  std::string description;
  enum Shape { kScalar, kObject, kList, kMap } shape = kScalar;
  // kObject, or kList of objects: the view's name; "" for a list of scalars.
  std::string view;
  // kMap: whose keys it has.
  enum MapKeys {
    kAnyKeys,     // not checked
    kSchemaKeys,  // the document type's fields, from site.yaml
    kWordKeys,    // the theme's i18n words for the language
  } map_keys = kAnyKeys;
};

struct ContractView {
  std::string name;
  std::vector<ContractKey> keys;

  const ContractKey* key(const std::string& name) const;
};

struct Contract {
  std::map<std::string, ContractView> views;  // by name
  // Template name -> the page view it is rendered with, in page order.
  // "document" also stands for every "document-TYPE" override.
  std::vector<std::pair<std::string, std::string>> templates;

  const ContractView* view(const std::string& name) const;
  // The page view of a template the generator renders, or null for a
  // partial or parent ("base", "item").
  const ContractView* page_view(const std::string& template_name) const;
};

// Built once from render/views.h.
const Contract& theme_contract();

// The contract as Markdown: the templates with their views, then one table
// per view (key, type, meaning).
std::string contract_markdown(const Contract& contract);

}  // namespace agora
