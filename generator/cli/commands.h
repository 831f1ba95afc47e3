#pragma once
// One struct of options for all commands, and each command's handler.

#include <string>

#include "cli/cli.h"

namespace agora {

struct CommandArgs {
  std::string config = "site.yaml";
  // build
  std::string out = "public";
  std::string base_url;
  bool offline = false;
  bool drafts = false;
  bool bundle = false;
  bool report = false;
  bool quiet = false;
  std::string search_corpus;  // --emit-search-corpus FILE
  // check
  std::string format = "text";
  bool strict = false;
  // new
  std::string type;
  std::string title;
  std::string from_issue;  // --from-issue FILE
  // forms
  std::string forms_out = ".github/ISSUE_TEMPLATE";
  // mirror
  std::string source;
  std::string dest;
};

int run_build(const CommandArgs& args, const CliEnv& env);
int run_check(const CommandArgs& args, const CliEnv& env);
int run_new(const CommandArgs& args, const CliEnv& env);
int run_forms(const CommandArgs& args, const CliEnv& env);
int run_mirror(const CommandArgs& args, const CliEnv& env);

}  // namespace agora
