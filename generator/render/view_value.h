#pragma once
// A view (render/views.h) as a template reads it, in place: its members are
// found through the view's visit(), the same declaration that gives its JSON
// (render/view_json.h), so the two cannot disagree on a key or a value.

#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "render/template_value.h"
#include "render/view_json.h"
#include "render/views.h"

namespace agora {

template <typename T>
TemplateValue template_value(const T& value);

namespace view_value {

template <typename T>
TemplateValue member(const void* object, std::string_view key) {
  // The last member of a name counts, as in the view's JSON.
  TemplateValue found;
  auto finder = [&](std::string_view name, const auto& member, const char* /*description*/) {
    if (name == key) found = template_value(member);
  };
  static_cast<const T*>(object)->visit(finder);
  return found;
}

template <typename T>
nlohmann::json json(const void* value) {
  return view_json::value(*static_cast<const T*>(value));
}

template <typename T>
size_t size(const void* list) {
  return static_cast<const std::vector<T>*>(list)->size();
}

template <typename T>
TemplateValue item(const void* list, size_t i) {
  return template_value((*static_cast<const std::vector<T>*>(list))[i]);
}

template <typename T>
inline const TemplateValue::Type kObjectType{&member<T>, nullptr, nullptr, &json<T>};

template <typename T>
inline const TemplateValue::Type kListType{nullptr, &size<T>, &item<T>, &json<std::vector<T>>};

inline TemplateValue flag(const void* object, std::string_view key) {
  const auto& flags = static_cast<const FieldFlags*>(object)->value;
  auto found = flags.find(std::string(key));
  return found == flags.end() ? TemplateValue() : TemplateValue::boolean(found->second);
}

inline const TemplateValue::Type kFlagsType{&flag, nullptr, nullptr, &json<FieldFlags>};

}  // namespace view_value

// Exactly what view_json::value(value) would give, read in place: `value`
// must outlive the result.
template <typename T>
TemplateValue template_value(const T& value) {
  if constexpr (view_json::View<T>) {
    return TemplateValue::object(&value, &view_value::kObjectType<T>);
  } else if constexpr (view_json::is_vector<T>::value) {
    return TemplateValue::list(&value, &view_value::kListType<typename T::value_type>);
  } else if constexpr (view_json::is_optional<T>::value) {
    // Missing is false: see "Conventions" in views.h.
    return value ? template_value(*value) : TemplateValue::boolean(false);
  } else if constexpr (std::is_same_v<T, FrontMatterFields>) {
    return TemplateValue::from_json(value.value);
  } else if constexpr (std::is_same_v<T, FieldFlags>) {
    return TemplateValue::object(&value, &view_value::kFlagsType);
  } else if constexpr (std::is_same_v<T, std::string>) {
    return TemplateValue::string(value);
  } else if constexpr (std::is_same_v<T, SiteText>) {
    return TemplateValue::string(value.str());
  } else if constexpr (std::is_same_v<T, bool>) {
    return TemplateValue::boolean(value);
  } else if constexpr (std::is_integral_v<T> && std::is_signed_v<T>) {
    return TemplateValue::integer(value);
  } else if constexpr (std::is_integral_v<T>) {
    return TemplateValue::unsigned_integer(value);
  } else {
    static_assert(std::is_same_v<T, void>, "a view member of a type templates cannot read");
  }
}

}  // namespace agora
