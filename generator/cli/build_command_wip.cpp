#include "cli/commands.h"
namespace agora { int run_build(const CommandArgs&, const CliEnv&) { return 1; } }
