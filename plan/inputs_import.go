package plan

// Prepare readies a plan built in code (tests, tools) as loading readies one read from a file: the defaults
// of the keys left out and the vocabulary merged from the built-in enumerations and the plan's additions
// (Enum, EnumNames). Parse calls the same; call Prepare once after building the plan, before using it.
func (p *Plan) Prepare() { p.applyDefaults() }
