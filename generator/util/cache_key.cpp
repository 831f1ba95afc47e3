#include "util/cache_key.h"

#include <fcntl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdlib>

#include "util/text.h"

namespace agora {

namespace {

constexpr size_t kKeyBytes = 32;

// The file's first line, when it is a regular file of the user's.
std::string read_key(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return "";
  std::string key;
  std::array<char, 256> buffer{};
  ssize_t got = 0;
  struct stat st {};
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == ::getuid()) {
    while ((got = ::read(fd, buffer.data(), buffer.size())) > 0 && key.size() < 4096) {
      key.append(buffer.data(), static_cast<size_t>(got));
    }
  }
  ::close(fd);
  if (const size_t end = key.find('\n'); end != std::string::npos) key.resize(end);
  return key.size() >= 2 * kKeyBytes ? key : "";
}

bool make_folder(const std::string& path) {
  return ::mkdir(path.c_str(), 0700) == 0 || errno == EEXIST;
}

// A new key, written whole under a temporary name and linked into place: two
// builds starting at once both end up with the one that got there first.
std::string make_key(const std::string& folder, const std::string& path) {
  std::array<unsigned char, kKeyBytes> bytes{};
  if (::getrandom(bytes.data(), bytes.size(), 0) != static_cast<ssize_t>(bytes.size())) return "";
  const std::string key =
      lower_hex(std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
  const std::string temporary = folder + "/.cache-key." + std::to_string(::getpid());
  ::unlink(temporary.c_str());
  const int fd =
      ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) return "";
  const std::string line = key + "\n";
  const bool written = ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size());
  const bool closed = ::close(fd) == 0;
  const bool linked = written && closed && ::link(temporary.c_str(), path.c_str()) == 0;
  ::unlink(temporary.c_str());
  return linked ? key : read_key(path);
}

}  // namespace

std::string cache_key_from(const char* variable, const std::string& state_dir) {
  if (variable && *variable) return variable;
  if (state_dir.empty() || !make_folder(state_dir)) return "";
  const std::string folder = state_dir + "/agora";
  if (!make_folder(folder)) return "";
  const std::string path = folder + "/cache-key";
  std::string key = read_key(path);
  return key.empty() ? make_key(folder, path) : key;
}

std::string user_cache_key() {
  std::string state_dir;
  if (const char* state = std::getenv("XDG_STATE_HOME"); state && *state == '/') {
    state_dir = state;
  } else if (const char* home = std::getenv("HOME"); home && *home == '/') {
    const std::string local = std::string(home) + "/.local";
    state_dir = make_folder(local) ? local + "/state" : "";
  }
  return cache_key_from(std::getenv("AGORA_CACHE_KEY"), state_dir);
}

}  // namespace agora
