#include "render/template_value.h"

namespace agora {

TemplateValue::TemplateValue(Kind kind, const void* pointer, const Type* type)
    : kind_(kind), pointer_(pointer), type_(type) {}

TemplateValue TemplateValue::from_json(const nlohmann::json& value) {
  return TemplateValue(Kind::kJson, &value);
}

TemplateValue TemplateValue::string(const std::string& value) {
  return TemplateValue(Kind::kString, &value);
}

TemplateValue TemplateValue::object(const void* object, const Type* type) {
  return TemplateValue(Kind::kObject, object, type);
}

TemplateValue TemplateValue::list(const void* list, const Type* type) {
  return TemplateValue(Kind::kList, list, type);
}

TemplateValue TemplateValue::boolean(bool value) {
  TemplateValue v(Kind::kBool, nullptr);
  v.boolean_ = value;
  return v;
}

TemplateValue TemplateValue::integer(int64_t value) {
  TemplateValue v(Kind::kInteger, nullptr);
  v.integer_ = value;
  return v;
}

TemplateValue TemplateValue::unsigned_integer(uint64_t value) {
  TemplateValue v(Kind::kUnsigned, nullptr);
  v.unsigned_ = value;
  return v;
}

bool TemplateValue::empty() const {
  return kind_ == Kind::kMissing || (kind_ == Kind::kJson && as_json().is_null());
}

bool TemplateValue::falsy() const {
  switch (kind_) {
    case Kind::kMissing:
      return true;
    case Kind::kJson: {
      const nlohmann::json& j = as_json();
      return j.is_null() || (j.is_boolean() && !j.get<bool>()) || (j.is_array() && j.empty());
    }
    case Kind::kBool:
      return !boolean_;
    case Kind::kList:
      return type_->size(pointer_) == 0;
    default:
      return false;
  }
}

bool TemplateValue::is_object() const {
  return kind_ == Kind::kObject || (kind_ == Kind::kJson && as_json().is_object());
}

bool TemplateValue::is_list() const {
  return kind_ == Kind::kList || (kind_ == Kind::kJson && as_json().is_array());
}

TemplateValue TemplateValue::member(std::string_view key) const {
  if (kind_ == Kind::kObject) return type_->member(pointer_, key);
  if (kind_ != Kind::kJson || !as_json().is_object()) return {};
  const nlohmann::json& j = as_json();
  auto found = j.find(key);
  return found == j.end() ? TemplateValue() : TemplateValue::from_json(*found);
}

size_t TemplateValue::size() const {
  if (kind_ == Kind::kList) return type_->size(pointer_);
  if (kind_ == Kind::kJson && as_json().is_array()) return as_json().size();
  return 0;
}

TemplateValue TemplateValue::item(size_t i) const {
  if (kind_ == Kind::kList) return type_->item(pointer_, i);
  return TemplateValue::from_json(as_json()[i]);
}

const std::string* TemplateValue::as_string() const {
  if (kind_ == Kind::kString) return static_cast<const std::string*>(pointer_);
  if (kind_ == Kind::kJson && as_json().is_string()) {
    return &as_json().get_ref<const std::string&>();
  }
  return nullptr;
}

std::string TemplateValue::dump() const {
  switch (kind_) {
    case Kind::kMissing:
      return "";
    case Kind::kJson:
      return as_json().dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    case Kind::kString:
      return nlohmann::json(*as_string())
          .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    case Kind::kBool:
      return boolean_ ? "true" : "false";
    case Kind::kInteger:
      return std::to_string(integer_);
    case Kind::kUnsigned:
      return std::to_string(unsigned_);
    case Kind::kObject:
    case Kind::kList:
      break;
  }
  return type_->json(pointer_).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace agora
