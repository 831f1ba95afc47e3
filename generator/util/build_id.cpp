#include "util/build_id.h"

#include <elf.h>
#include <link.h>

#include <cstring>

#include "util/text.h"

namespace agora {

namespace {

// Notes are padded to 4 bytes (ELF's note alignment on both classes in use).
size_t note_padded(size_t n) { return (n + 3) & ~size_t{3}; }

// The NT_GNU_BUILD_ID note among `size` bytes of notes at `notes`, as hex.
std::string build_id_in(const unsigned char* notes, size_t size) {
  size_t at = 0;
  while (at + sizeof(ElfW(Nhdr)) <= size) {
    ElfW(Nhdr) header;
    std::memcpy(&header, notes + at, sizeof header);
    const size_t name_at = at + sizeof header;
    const size_t desc_at = name_at + note_padded(header.n_namesz);
    const size_t end = desc_at + note_padded(header.n_descsz);
    if (end > size) break;
    if (header.n_type == NT_GNU_BUILD_ID && header.n_namesz == 4 &&
        std::memcmp(notes + name_at, "GNU", 4) == 0) {
      return lower_hex(
          std::string_view(reinterpret_cast<const char*>(notes) + desc_at, header.n_descsz));
    }
    at = end;
  }
  return "";
}

}  // namespace

std::string program_build_id() {
  std::string id;
  // The first object dl_iterate_phdr reports is the program itself.
  dl_iterate_phdr(
      [](dl_phdr_info* info, size_t, void* data) {
        auto* out = static_cast<std::string*>(data);
        for (ElfW(Half) i = 0; i < info->dlpi_phnum && out->empty(); ++i) {
          const ElfW(Phdr)& segment = info->dlpi_phdr[i];
          if (segment.p_type != PT_NOTE) continue;
          *out =
              build_id_in(reinterpret_cast<const unsigned char*>(info->dlpi_addr + segment.p_vaddr),
                          segment.p_memsz);
        }
        return 1;
      },
      &id);
  return id;
}

}  // namespace agora
