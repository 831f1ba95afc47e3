#pragma once
// Where the clearing-house's pages live, and the bar charts of its
// dashboard. The pages' views are built by PageViews (render/page_views.h,
// defined in support_pages.cpp) from model/support_map.h and
// model/dashboard.h.
//
//   support/                          Find support: services x regions
//   support/SERVICES/SERVICE/REGION/  who gives a service in a region
//   support/COUNTRIES/                every country, by region
//   support/COUNTRIES/ID/             who serves a country
//   support/request/                  Request support: the form, by email
//   support/dashboard/                the record in figures
//   support/needs/                    the needs gap map
//   support/needs/SERVICE/REGION/     the open requests of one cell
// SERVICES and COUNTRIES are the taxonomies' URL segments.

#include <string>
#include <vector>

#include "model/site.h"
#include "model/support_map.h"
#include "render/views.h"

namespace agora {

inline constexpr const char* kSupportPath = "support/";

// support/LOCAL in the site's language tree.
std::string support_dir(const Site& site, const std::string& local = "");
std::string request_support_dir(const Site& site);
std::string dashboard_dir(const Site& site);
std::string needs_dir(const Site& site);
std::string support_cell_dir(const Site& site, const SupportMap& map, size_t row, size_t column);
std::string needs_cell_dir(const Site& site, const SupportMap& map, size_t row, size_t column);
std::string countries_dir(const Site& site, const SupportMap& map);
std::string country_dir(const Site& site, const SupportMap& map, const std::string& id);

// A horizontal bar chart of `rows`: each bar its row's total, the real
// cases' part drawn first, the examples' part after it; the longest bar
// spans kChartBarSpan units. Deterministic integer geometry.
inline constexpr int kChartWidth = 480;
inline constexpr int kChartBarSpan = 400;
inline constexpr int kChartRowHeight = 36;
inline constexpr int kChartBarHeight = 12;
BarChart bar_chart(const std::string& id, const std::string& title, const std::string& description,
                   const std::vector<FigureRow>& rows);

}  // namespace agora
