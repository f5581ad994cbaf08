import ProcDef
