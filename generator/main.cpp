#include <cstdio>
// Work in progress: the CLI table lands with generator/cli.
int main() {
  std::puts("agora " AGORA_VERSION);
  return 0;
}
