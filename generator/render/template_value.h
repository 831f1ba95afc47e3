#pragma once
// What a Mustache template reads: a JSON tree, or data read in place through
// a small table of functions per C++ type (a page's typed view: see
// render/view_value.h). Building a JSON tree for every page only to render
// it once, then freeing it, was 18% of the instructions of a rebuild with
// nothing changed (callgrind, 1,000 documents).
//
// A value behaves exactly as its JSON (to_json in render/view_json.h) would
// in a template: false, null and an empty list are falsy; an object is
// searched by key; a list is iterated; anything but a string prints as JSON.
// A value does not own what it refers to.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace agora {

class TemplateValue {
 public:
  // How an object or a list of some C++ type is read: one static table per
  // type. `member` is for objects, `size` and `item` for lists; `json` gives
  // the whole value as JSON, for {{name}} of an object or a list (printed as
  // JSON, as a JSON context would be).
  struct Type {
    TemplateValue (*member)(const void* object, std::string_view key) = nullptr;
    size_t (*size)(const void* list) = nullptr;
    TemplateValue (*item)(const void* list, size_t i) = nullptr;
    nlohmann::json (*json)(const void* value) = nullptr;
  };

  TemplateValue() = default;  // missing: no such name
  static TemplateValue from_json(const nlohmann::json& value);
  static TemplateValue string(const std::string& value);
  static TemplateValue boolean(bool value);
  static TemplateValue integer(int64_t value);
  static TemplateValue unsigned_integer(uint64_t value);
  static TemplateValue object(const void* object, const Type* type);
  static TemplateValue list(const void* list, const Type* type);

  bool missing() const { return kind_ == Kind::kMissing; }
  // Prints nothing: missing, or JSON null.
  bool empty() const;
  bool falsy() const;
  bool is_object() const;
  bool is_list() const;
  // An object's member, or missing (also when this is not an object).
  TemplateValue member(std::string_view key) const;
  size_t size() const;  // a list's length; 0 for anything else
  TemplateValue item(size_t i) const;
  // The string, or null when this is not one.
  const std::string* as_string() const;
  // Anything but a string, as JSON prints it (invalid UTF-8 replaced).
  std::string dump() const;

 private:
  enum class Kind : uint8_t {
    kMissing,
    kJson,
    kString,
    kBool,
    kInteger,
    kUnsigned,
    kObject,
    kList
  };
  TemplateValue(Kind kind, const void* pointer, const Type* type = nullptr);

  Kind kind_ = Kind::kMissing;
  union {
    const void* pointer_ = nullptr;
    bool boolean_;
    int64_t integer_;
    uint64_t unsigned_;
  };
  const Type* type_ = nullptr;

  const nlohmann::json& as_json() const { return *static_cast<const nlohmann::json*>(pointer_); }
};

}  // namespace agora
