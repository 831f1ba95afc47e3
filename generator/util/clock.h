#pragma once
// The clock, behind an interface so tests fix "today". Build output never
// depends on it; only `agora new` (today's date) and timings read it.

#include <chrono>
#include <string>

namespace agora {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual std::string today() const = 0;  // "YYYY-MM-DD", UTC
  virtual std::chrono::steady_clock::time_point now() const {
    return std::chrono::steady_clock::now();
  }
};

class SystemClock : public Clock {
 public:
  std::string today() const override;
};

class FixedClock : public Clock {
 public:
  explicit FixedClock(std::string day) : day_(std::move(day)) {}
  std::string today() const override { return day_; }

 private:
  std::string day_;
};

}  // namespace agora
