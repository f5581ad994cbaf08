import ProcDef
import ProcDefOutput
print("procdef")
