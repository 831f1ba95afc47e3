#pragma once
// A view (render/views.h) as the JSON a Mustache template renders: one
// generic to_json for every view, driven by the view's visit().

#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include <nlohmann/json.hpp>

#include "render/views.h"

namespace agora {

namespace view_json {

template <typename T>
struct is_vector : std::false_type {};
template <typename T>
struct is_vector<std::vector<T>> : std::true_type {};
template <typename T>
struct is_optional : std::false_type {};
template <typename T>
struct is_optional<std::optional<T>> : std::true_type {};
template <typename T>
concept View = requires {
  T::kName;
};

template <typename T>
nlohmann::json value(const T& v);

struct Writer {
  nlohmann::json* out;
  template <typename T>
  void operator()(std::string_view name, const T& member, const char* /*description*/) {
    (*out)[std::string(name)] = value(member);
  }
};

template <typename T>
nlohmann::json value(const T& v) {
  if constexpr (View<T>) {
    nlohmann::json out = nlohmann::json::object();
    Writer writer{&out};
    v.visit(writer);
    return out;
  } else if constexpr (is_vector<T>::value) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& item : v) out.push_back(value(item));
    return out;
  } else if constexpr (is_optional<T>::value) {
    // Missing is false, never absent: see "Conventions" in views.h.
    return v ? value(*v) : nlohmann::json(false);
  } else if constexpr (std::is_same_v<T, FrontMatterFields>) {
    return v.value;
  } else if constexpr (std::is_same_v<T, FieldFlags>) {
    return nlohmann::json(v.value);
  } else if constexpr (std::is_same_v<T, SiteText>) {
    return nlohmann::json(v.str());
  } else {
    return nlohmann::json(v);
  }
}

}  // namespace view_json

template <view_json::View T>
nlohmann::json to_json(const T& view) {
  return view_json::value(view);
}

}  // namespace agora
