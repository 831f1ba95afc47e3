#include "render/open_data.h"

#include <optional>
#include <utility>
#include <vector>

#include "model/dashboard.h"
#include "util/parallel.h"

namespace agora {

namespace {

std::string csv_field_quoted(const std::string& value) {
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// A cell's text: strings as they are, lists joined, objects as JSON.
std::string cell_text(const nlohmann::json& value) {
  if (value.is_null()) return "";
  if (value.is_string()) return value.get<std::string>();
  if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
  if (value.is_array()) {
    std::string out;
    for (const auto& item : value) {
      if (!out.empty()) out += "; ";
      out += item.is_object() ? item.dump() : cell_text(item);
    }
    return out;
  }
  return value.dump();
}

}  // namespace

std::string csv_field(const std::string& value) {
  // A cell starting with = + - @ (or a tab or CR before one) is a formula to
  // Excel and LibreOffice: "=HYPERLINK(...)" in a title would run when a
  // reader opens the download. A leading apostrophe makes it text (OWASP's
  // advice); the quotes keep the apostrophe part of the cell.
  bool formula = !value.empty() && std::string_view("=+-@\t\r").find(value[0]) != std::string::npos;
  if (formula) return csv_field_quoted("'" + value);
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  return csv_field_quoted(value);
}

std::string license_text(const LicenseInfo& license) {
  if (license.name.empty()) return "";
  return license.url.empty() ? license.name : license.name + " " + license.url;
}

nlohmann::ordered_json license_json(const LicenseInfo& license) {
  if (license.name.empty()) return nullptr;
  return {{"name", license.name}, {"url", license.url}};
}

nlohmann::ordered_json type_data(const Site& site, const ContentType& type) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (size_t index : site.by_type.at(type.name)) {
    const Document& doc = site.documents[index];
    nlohmann::ordered_json row = {{"slug", doc.slug}, {"url", doc.path}};
    for (const auto& field : type.fields) {
      if (doc.fields.contains(field.name)) row[field.name] = doc.fields[field.name];
    }
    list.push_back(std::move(row));
  }
  return list;
}

std::string type_csv(const Site& site, const ContentType& type) {
  std::string license = license_text(site.config.license);
  std::string out = "slug,url";
  for (const auto& field : type.fields) out += "," + csv_field(field.name);
  if (!license.empty()) out += ",license";
  out += "\r\n";
  for (size_t index : site.by_type.at(type.name)) {
    const Document& doc = site.documents[index];
    out += csv_field(doc.slug) + "," + csv_field(doc.path);
    for (const auto& field : type.fields) {
      out += ",";
      if (doc.fields.contains(field.name)) out += csv_field(cell_text(doc.fields[field.name]));
    }
    if (!license.empty()) out += "," + csv_field(license);
    out += "\r\n";
  }
  return out;
}

std::string figures_csv(const Site& site, const Dashboard& dashboard) {
  std::string license = license_text(site.config.license);
  std::string out;
  bool header = true;
  for (const auto& row : dashboard_rows(dashboard)) {
    for (size_t i = 0; i < row.size(); ++i) out += (i ? "," : "") + csv_field(row[i]);
    if (!license.empty()) out += "," + csv_field(header ? "license" : license);
    out += "\r\n";
    header = false;
  }
  return out;
}

void add_open_data(const Site& site, SiteFiles* files) {
  const ClearingHouseConfig& house = site.config.clearing_house;
  std::optional<Dashboard> dashboard;
  if (house.enabled && site.config.type(house.requests_type)) dashboard = compute_dashboard(site);
  // Each type's files on a core of its own: on one, they were 0.2 s of
  // every build at 10,000 documents.
  const auto& types = site.config.types;
  std::vector<std::pair<std::string, std::string>> made(types.size());
  parallel_for(types.size(), [&](size_t t) {
    const ContentType& type = types[t];
    nlohmann::ordered_json data = {{"license", license_json(site.config.license)},
                                   {"documents", type_data(site, type)}};
    if (dashboard && type.name == house.requests_type) data["figures"] = dashboard_json(*dashboard);
    made[t] = {data.dump(1) + "\n", type_csv(site, type)};
  });
  for (size_t t = 0; t < types.size(); ++t) {
    (*files)["data/" + types[t].name + ".json"] = std::move(made[t].first);
    (*files)["data/" + types[t].name + ".csv"] = std::move(made[t].second);
  }
  if (dashboard) {
    nlohmann::ordered_json figures = {{"license", license_json(site.config.license)},
                                      {"figures", dashboard_json(*dashboard)}};
    (*files)["data/" + house.requests_type + "-figures.json"] = figures.dump(1) + "\n";
    (*files)["data/" + house.requests_type + "-figures.csv"] = figures_csv(site, *dashboard);
  }
}

}  // namespace agora
