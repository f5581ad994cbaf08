#!/usr/bin/env python3
"""Generate a synthetic, rule-clean corpus of procdef process definitions.

The corpus is shaped like a real repository (see Processes/ and DESIGN 1.2):
processes with an owner, a manager and a case owner, activities with RACI,
procedures of 3 to 5 steps, records, inputs and outputs, time targets,
decisions with `when`, loops back that can exit, triggers between processes,
and a handoff (artifact + expectation) on exactly the transitions where
responsibility changes. It is meant to be clean under every rule of DESIGN
section 2 (no error, no warning, no note) and to satisfy the two policies it
writes, so that `procdef check` on it does the full work of a passing CI run.

Layout of DIR:
  roles.yaml                       the role catalogue
  Policies/work-is-logged.yaml     all: true; before + process has
  Policies/customer-informed-at-close.yaml
                                   tags [customer-facing]; all + max
  Processes/<domain>/<id>.yaml     the processes

Deterministic: the same arguments give byte-identical files.
Python 3 standard library only.

  generate-corpus.py --processes 2000 --activities 12 --seed 1 --out DIR
  generate-corpus.py --single-process-activities 5000 --seed 1 --out DIR
  generate-corpus.py --single-process-activities 5000 --timed --seed 1 --out DIR

--timed (with --single-process-activities) writes the same process with time
data added (issue 21): four priorities, a per-priority `target` on every step,
`within` on every handoff, six `targets:`, and interrupting `timeout`s on the
supplier steps and on some steps made `type: wait`. The time data is drawn
from a random stream of its own, so the flow, the roles and the texts are
those of the untimed process; the only other change is that a timer's
handoff artifact is added to its target's inputs. Without --timed the output
is byte-identical to what the generator wrote before the option existed.
"""

import argparse
import os
import random
import re
import shutil
import sys
import textwrap

# ---------------------------------------------------------------------------
# The organisation
# ---------------------------------------------------------------------------

# (key, display name, record noun, case word)
DOMAINS = [
    ("incident", "Incident Management", "incident", "incident"),
    ("problem", "Problem Management", "problem", "problem"),
    ("change", "Change Enablement", "change", "change"),
    ("request", "Service Request Fulfilment", "service-request", "request"),
    ("access", "Access Management", "access-request", "access request"),
    ("release", "Release Management", "release", "release"),
    ("event", "Event Management", "event", "event"),
    ("capacity", "Capacity Management", "capacity-review", "capacity review"),
    ("continuity", "Service Continuity", "continuity-test", "continuity test"),
    ("supplier", "Supplier Management", "supplier-issue", "supplier issue"),
    ("asset", "Asset Management", "asset-change", "asset change"),
    ("knowledge", "Knowledge Management", "knowledge-article", "article"),
    ("security", "Security Incident Response", "security-incident", "security incident"),
    ("availability", "Availability Management", "availability-review", "availability review"),
    ("deployment", "Deployment Management", "deployment", "deployment"),
]

VARIANTS = [
    "emea", "americas", "apac", "retail", "payments", "hr-systems", "datacenter",
    "cloud", "workplace", "network", "erp", "mobile", "identity", "analytics",
    "core-banking", "logistics", "portal", "telephony", "finance", "manufacturing",
]

# (id, name, team): do the work
FRONT_LINE = [
    ("service-desk", "Service Desk Analyst", "Service Desk"),
    ("request-fulfilment", "Request Fulfilment Analyst", "Service Desk"),
    ("operations-bridge", "Operations Bridge Operator", "Operations Bridge"),
    ("service-coordinator", "Service Coordinator", "Service Management Office"),
]
PRACTITIONERS = [
    ("application-support", "Application Support Engineer", "Application Support"),
    ("infrastructure-ops", "Infrastructure Operations Engineer", "Infrastructure Operations"),
    ("network-engineering", "Network Engineer", "Network Engineering"),
    ("database-admin", "Database Administrator", "Data Platforms"),
    ("security-analyst", "Security Analyst", "Security Operations"),
    ("communications-lead", "Service Communications Lead", "Service Communications"),
    ("change-coordinator", "Change Coordinator", "Change Enablement"),
    ("release-engineer", "Release Engineer", "Platform Engineering"),
    ("asset-analyst", "Asset Analyst", "IT Asset Management"),
    ("knowledge-editor", "Knowledge Editor", "Knowledge Management"),
    ("capacity-analyst", "Capacity Analyst", "Performance Engineering"),
    ("identity-admin", "Identity Administrator", "Identity and Access"),
    ("cloud-engineer", "Cloud Platform Engineer", "Cloud Platforms"),
    ("workplace-technician", "Workplace Technician", "End User Services"),
]
CUSTOMERS = [
    ("affected-user", "Affected User", "Business units"),
    ("requester", "Requester", "Business units"),
    ("customer-contact", "Customer Contact", "Customer organisations"),
]
STAKEHOLDERS = [
    ("business-stakeholder", "Business Service Owner", "Business Relationship Management"),
    ("finance-controller", "Finance Controller", "Finance"),
    ("compliance-officer", "Compliance Officer", "Risk and Compliance"),
    ("data-protection-officer", "Data Protection Officer", "Legal"),
    ("architecture-board", "Architecture Board", "Enterprise Architecture"),
    ("product-owner", "Product Owner", "Digital Products"),
    ("hr-partner", "HR Business Partner", "People"),
]
SUPPLIERS = [
    ("network-carrier", "Network Carrier NOC", "Carrier Network Operations Centre (external)", "UC-NET-014"),
    ("cloud-provider", "Cloud Provider Support", "Cloud Provider (external)", "UC-CLD-002"),
    ("hardware-vendor", "Hardware Vendor Field Service", "Hardware Vendor (external)", "UC-HW-031"),
    ("software-vendor", "Software Vendor Support", "Software Vendor (external)", "UC-SW-108"),
]
SUPPLIER_MANAGER = ("vendor-manager", "Vendor Manager", "Vendor Management")

# ---------------------------------------------------------------------------
# Words for names, ids and text
# ---------------------------------------------------------------------------

# (id stem, name, output artifact, tags)
INTAKE = [
    ("log", "Log the {case}", "{record}-record", ["intake"]),
    ("register", "Register the {case}", "{record}-record", ["intake"]),
    ("record", "Record the {case}", "{record}-record", ["intake"]),
]
WORK = [
    ("categorize", "Categorize and prioritize", "triage-notes", ["intake"]),
    ("assess-impact", "Assess the business impact", "impact-assessment", ["assessment"]),
    ("check-entitlement", "Check the entitlement", "entitlement-check", ["assessment"]),
    ("investigate", "Investigate and diagnose", "diagnosis-notes", ["resolution"]),
    ("analyse-cause", "Analyse the root cause", "root-cause-analysis", ["analysis"]),
    ("plan-work", "Plan the work", "work-plan", ["planning"]),
    ("estimate-effort", "Estimate effort and cost", "cost-estimate", ["planning"]),
    ("review-risk", "Review the risk", "risk-assessment", ["assessment"]),
    ("approve", "Approve the plan", "approval-record", ["approval"]),
    ("prepare-environment", "Prepare the environment", "environment-checklist", ["build"]),
    ("build-package", "Build the release package", "release-package", ["build"]),
    ("test-fix", "Test the fix", "test-report", ["test"]),
    ("implement", "Implement the change", "implementation-log", ["implementation"]),
    ("apply-workaround", "Apply the workaround", "workaround-notes", ["resolution"]),
    ("restore-service", "Restore the service", "resolution-notes", ["resolution"]),
    ("engage-specialists", "Engage the specialists", "specialist-findings", ["escalation"]),
    ("update-cmdb", "Update the configuration records", "cmdb-update", ["records"]),
    ("publish-article", "Publish the knowledge article", "knowledge-article", ["knowledge"]),
    ("verify-result", "Verify the result", "verification-report", ["verification"]),
    ("monitor", "Monitor for recurrence", "monitoring-report", ["verification"]),
    ("notify-stakeholders", "Notify the stakeholders", "stakeholder-notice", ["communication"]),
    ("review-outcome", "Review the outcome", "outcome-review", ["review"]),
    ("grant-access", "Grant the access", "access-grant", ["fulfilment"]),
    ("order-hardware", "Order the hardware", "purchase-order", ["fulfilment"]),
    ("schedule-window", "Schedule the maintenance window", "maintenance-schedule", ["planning"]),
    ("collect-evidence", "Collect the evidence", "evidence-pack", ["analysis"]),
    ("contain-threat", "Contain the threat", "containment-report", ["resolution"]),
    ("rollback-plan", "Prepare the back-out plan", "back-out-plan", ["planning"]),
]
SUPPLIER_WORK = [
    ("supplier-repair", "Supplier repairs the fault", "repair-report"),
    ("supplier-investigation", "Supplier investigates the fault", "supplier-findings"),
    ("vendor-replacement", "Vendor replaces the part", "replacement-report"),
]
LOCAL_WORK = [
    ("specialist-review", "Specialist review", "specialist-review-notes"),
    ("site-visit", "Visit the site", "site-visit-report"),
]
CONFIRM = [
    ("confirm", "Confirm the outcome with the {customer_word}", "confirmation-notes"),
    ("check-satisfaction", "Check satisfaction with the {customer_word}", "satisfaction-response"),
]
CLOSE = [
    ("close", "Close the {case}", "closed-{record}-record"),
    ("complete", "Complete and close the {case}", "closed-{record}-record"),
]

VERBS = ["Check", "Record", "Confirm", "Review", "Update", "Compare", "Attach",
         "Write", "Agree", "Verify", "Search", "Ask", "Link", "Tell", "Set",
         "Capture", "Assess", "Escalate", "Document", "Schedule"]
OBJECTS = ["the {record} record", "the work notes", "the affected service",
           "the configuration item", "the change calendar", "the monitoring dashboards",
           "the known error database", "the service catalogue entry", "the {artifact}",
           "the business impact", "the priority", "the target time", "the evidence",
           "the on-call rota", "the customer's contact details", "the test results",
           "the previous {case} history", "the supplier ticket number"]
PURPOSES = ["so that the next shift can pick it up without asking",
            "so that reporting stays accurate", "before the target time runs out",
            "so that the {customer_word} hears one consistent story",
            "and write what you found with timestamps",
            "using the template in the service catalogue",
            "and note any deviation from the standard procedure",
            "so that problem management can see the pattern later",
            "and say in plain words what is still open",
            "before anyone changes production"]
CLAUSES = ["If anything is unclear, ask the {manager_word} before going on.",
           "Do not improvise steps that are not written here.",
           "When in doubt, choose the higher priority.",
           "If the target will be missed, say so before it runs out.",
           "Keep the {customer_word} informed at every change of owner.",
           "Leave out internal system names and guesses about the cause.",
           "Every finding goes into the record, even a negative one."]
EXPECTATIONS = [
    "The receiving team acknowledges within {n} minutes and writes its first finding in the work notes.",
    "The receiver confirms ownership within {h} business hours and keeps the record updated at least daily.",
    "The receiving group starts work within {h} hours for high priority and {d} business days otherwise.",
    "The receiver reviews the {artifact} within {h} hours and asks for anything missing in one go.",
    "Work continues within {n} minutes of the handover, with no need to ask the {customer_word} again.",
]
FORWARD_WHEN = [
    ("The {artifact} is complete and nothing else is needed.", "More information is needed before going on."),
    ("The standard path applies.", "The {case} is urgent and skips the review."),
    ("No approval is needed for this type of {case}.", "The {case} needs a formal review first."),
]
LOOP_WHEN = [
    ("The check passed.", "The check failed; the work is repeated with the findings."),
    ("The {customer_word} confirms the result.", "The {customer_word} reports it still fails."),
    ("The result meets the acceptance criteria.", "The result is rejected; it goes back for rework."),
]
TRIGGER_WHEN = [
    "The {case} recurs or the cause is still unknown.",
    "A change to production is needed to remove the cause.",
    "The {case} needs work from another process.",
    "The fix must be recorded for later reuse.",
]


def slug(words):
    return re.sub(r"[^a-z0-9]+", "-", words.lower()).strip("-")


# ---------------------------------------------------------------------------
# YAML emitting
# ---------------------------------------------------------------------------

_RESERVED = {"true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"}
_NUMERIC = re.compile(r"^[-+]?(\d[\d_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?$")


def plain_ok(text, flow=False):
    """True when `text` can be written as a plain scalar without changing meaning."""
    if not text or text != text.strip():
        return False
    if text[0] in "-?:,[]{}#&*!|>'\"%@`":
        return False
    if ": " in text or " #" in text or text.endswith(":") or "\t" in text or "\n" in text:
        return False
    if flow and any(c in text for c in ",[]{}"):
        return False
    if text.lower() in _RESERVED or _NUMERIC.match(text):
        return False
    return True


def quoted(text):
    out = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    return '"' + out + '"'


def scalar(text, flow=False):
    return text if plain_ok(text, flow) else quoted(text)


def flow_list(items):
    return "[" + ", ".join(scalar(i, flow=True) for i in items) + "]"


class Writer:
    def __init__(self):
        self.lines = []

    def line(self, text=""):
        self.lines.append(text)

    def field(self, indent, key, value):
        self.lines.append(" " * indent + key + ": " + value)

    def text(self, indent, key, text, width=80, style=None):
        """A text field: plain on one line when it fits, else folded (`>-`) or multi-line plain."""
        pad = " " * indent
        one = pad + key + ": " + scalar(text)
        if len(one) <= width and style is None:
            self.lines.append(one)
            return
        if style == "plain" and plain_ok(text):
            wrapped = textwrap.wrap(text, width - indent - 2, break_on_hyphens=False)
            self.lines.append(pad + key + ": " + wrapped[0])
            for w in wrapped[1:]:
                self.lines.append(pad + "  " + w)
            return
        self.lines.append(pad + key + ": >-")
        for w in textwrap.wrap(text, width - indent - 2, break_on_hyphens=False):
            self.lines.append(pad + "  " + w)

    def item_text(self, indent, text, width=80):
        """A sequence item holding text, wrapped as a multi-line plain scalar like the shipped examples."""
        pad = " " * indent
        if not plain_ok(text):
            self.lines.append(pad + "- " + quoted(text))
            return
        wrapped = textwrap.wrap(text, width - indent - 2, break_on_hyphens=False)
        self.lines.append(pad + "- " + wrapped[0])
        for w in wrapped[1:]:
            self.lines.append(pad + "  " + w)

    def render(self):
        return "\n".join(self.lines) + "\n"


# ---------------------------------------------------------------------------
# The plan of one process
# ---------------------------------------------------------------------------

class Activity:
    def __init__(self, ident, name, tags):
        self.id = ident
        self.name = name
        self.tags = tags
        self.responsible = []
        self.accountable = None        # explicit; None means defaults.accountable
        self.consulted = []
        self.informed = []
        self.records = []
        self.inputs = []
        self.outputs = []
        self.target = None
        self.procedure = []
        self.branches = None           # [(target index, when, handoff or None)]
        self.handoff = None            # on the fall-through
        self.end = False
        self.triggers = []             # [(process plan, when, handoff or None)]
        self.kind = "work"


class Handoff:
    def __init__(self, artifact, expectation, informed=None, escalation=None, agreement=None):
        self.artifact = artifact
        self.expectation = expectation
        self.informed = informed or []
        self.escalation = escalation
        self.agreement = agreement


class ProcessPlan:
    pass


def add_unique(lst, item):
    if item not in lst:
        lst.append(item)


def plan_process(rng, number, activities_count, domain, variant, long_chain=False):
    key, domain_name, record, case = domain
    p = ProcessPlan()
    p.id = "%s-%s-%05d" % (key, variant, number) if not long_chain else "%s-%s-long-chain" % (key, variant)
    p.domain = key
    p.name = "%s (%s)" % (domain_name, variant.replace("-", " ").upper() if len(variant) <= 4 else variant.replace("-", " ").title())
    p.version = rng.randint(1, 12)
    p.owner = key + "-process-owner"
    p.manager = key + "-manager"
    p.lead = key + "-lead"
    p.case_owner = rng.choice(FRONT_LINE)[0]
    p.customer = rng.choice(CUSTOMERS)
    p.customer_word = p.customer[1].lower()
    p.record = record
    p.case = case
    p.customer_facing = long_chain or rng.random() < 0.8
    p.opt_in = (not p.customer_facing) and rng.random() < 0.5
    p.tags = [key] + (["customer-facing"] if p.customer_facing else ["internal"])
    if rng.random() < 0.3:
        p.tags.append(rng.choice(["regulated", "24x7", "tier-1", "follow-the-sun"]))
    p.local_role = None
    p.words = dict(case=case, record=record, customer_word=p.customer_word, manager_word="process manager")

    m = activities_count
    workers_pool = [r[0] for r in PRACTITIONERS]
    worker_count = 3 if m < 8 else (4 if m < 40 else 10)
    workers = rng.sample(workers_pool, worker_count)
    supplier = rng.choice(SUPPLIERS) if (m >= 6 and rng.random() < 0.35) else None
    if m >= 8 and rng.random() < 0.25:
        p.local_role = ("%s-specialist" % key, "%s Specialist" % domain_name.split()[0], "%s (%s)" % (domain_name, variant))
    p.supplier = supplier

    # Responsible roles: the case owner takes the intake and the closure; the
    # middle is worked in segments by the other roles, so nobody carries more
    # than 70% of the process (raci/overloaded-role).
    acts = [None] * m
    roles_of = [None] * m
    roles_of[0] = [p.case_owner]
    roles_of[m - 1] = [p.case_owner]
    kinds = ["work"] * m
    kinds[0] = "intake"
    kinds[m - 1] = "close"
    if m >= 5:
        roles_of[m - 2] = [p.case_owner]
        kinds[m - 2] = "confirm"
    middle = [i for i in range(m) if roles_of[i] is None]
    special_done = set()
    previous = None
    i = 0
    while i < len(middle):
        idx = middle[i]
        choice = rng.random()
        if supplier and "supplier" not in special_done and choice < 0.15 and i > 0 or (
                supplier and "supplier" not in special_done and i == len(middle) - 2 and not long_chain):
            roles_of[idx] = [supplier[0]]
            kinds[idx] = "supplier"
            special_done.add("supplier")
            previous = supplier[0]
            i += 1
            continue
        if long_chain and supplier and choice < 0.01:
            roles_of[idx] = [supplier[0]]
            kinds[idx] = "supplier"
            previous = supplier[0]
            i += 1
            continue
        if p.local_role and ("local" not in special_done or long_chain) and choice > 0.9:
            roles_of[idx] = [p.local_role[0]]
            kinds[idx] = "local"
            special_done.add("local")
            previous = p.local_role[0]
            i += 1
            continue
        options = [w for w in workers if w != previous]
        role = rng.choice(options)
        length = rng.randint(1, 3)
        for j in range(length):
            if i >= len(middle):
                break
            k = middle[i]
            if j > 0 and k != middle[i - 1] + 1:
                break
            if rng.random() < 0.15:
                other = rng.choice([w for w in workers if w != role])
                roles_of[k] = [role, other]
            else:
                roles_of[k] = [role]
            # The case owner sometimes works a middle step itself (updating the customer).
            if m >= 10 and rng.random() < 0.06 and len(roles_of[k]) == 1:
                roles_of[k] = [role, p.case_owner]
            i += 1
        previous = role
    if p.local_role and "local" not in special_done:
        # Every local role must do something (raci/idle-role): give it the first plain middle activity.
        for idx in middle:
            if kinds[idx] == "work" and len(roles_of[idx]) == 1:
                roles_of[idx] = [p.local_role[0]]
                kinds[idx] = "local"
                break
        else:
            p.local_role = None

    # Activity ids and names.
    used_ids = set()
    work_deck = []
    for idx in range(m):
        kind = kinds[idx]
        if kind == "intake":
            stem, name, out, tags = rng.choice(INTAKE)
        elif kind == "close":
            stem, name, out = rng.choice(CLOSE)
            tags = ["closure"]
        elif kind == "confirm":
            stem, name, out = rng.choice(CONFIRM)
            tags = ["closure"]
        elif kind == "supplier":
            stem, name, out = rng.choice(SUPPLIER_WORK)
            tags = ["supplier"]
        elif kind == "local":
            stem, name, out = rng.choice(LOCAL_WORK)
            tags = ["specialist"]
        else:
            if not work_deck:
                work_deck = list(WORK)
                rng.shuffle(work_deck)
            stem, name, out, tags = work_deck.pop()
        ident = stem
        n = 2
        while ident in used_ids:
            ident = "%s-%d" % (stem, n)
            n += 1
        used_ids.add(ident)
        name = name.format(**p.words)
        name = name[0].upper() + name[1:]
        if ident != stem:
            name = "%s (%d)" % (name, n - 1)
        a = Activity(ident, name, list(tags))
        a.kind = kind
        a.responsible = roles_of[idx]
        a.outputs = [out.format(**p.words)]
        acts[idx] = a
    p.activities = acts
    main_record = record + "-record"

    # Records, inputs, outputs, targets.
    acts[0].records = [record]
    acts[0].inputs = ["%s-request" % p.id]
    add_unique(acts[0].outputs, main_record)
    for idx, a in enumerate(acts):
        if idx > 0:
            a.inputs = [main_record] if rng.random() < 0.7 else []
            if rng.random() < 0.3:
                add_unique(a.outputs, main_record)
        if rng.random() < 0.1 and idx > 0:
            a.records.append(rng.choice(["decision", "approval", "time-spent", "known-error"]))
        a.target = rng.choice(["90s", "10m", "15m", "30m", "1h", "4h", "8h", "1d", "2d", "5d"]) if rng.random() < 0.85 else None

    # Accountable: the process manager through defaults.accountable; the
    # domain lead answers for some activities, never more than half
    # (raci/overloaded-role); suppliers answer through the supplier manager,
    # never themselves (raci/customer-accountable).
    lead_budget = max(0, int(0.5 * m) - 1)
    sm_budget = max(0, int(0.5 * m) - 1)
    for a in acts:
        if a.kind == "supplier" and sm_budget > 0:
            a.accountable = SUPPLIER_MANAGER[0]
            sm_budget -= 1
        elif a.kind == "supplier":
            a.accountable = None
        elif rng.random() < 0.3 and lead_budget > 0:
            a.accountable = p.lead
            lead_budget -= 1

    # Consulted: at most 3 per activity (policy max 4, raci/too-many-consulted),
    # never a role that is R or A there, never the case owner (it is informed
    # instead), no role on more than 60% of the activities.
    consult_pool = [s[0] for s in STAKEHOLDERS] + workers + [p.owner]
    consult_budget = {r: int(0.6 * m) for r in consult_pool}
    for a in acts:
        want = rng.choice([0, 0, 0, 1, 1, 2, 3])
        taken = set(a.responsible) | {a.accountable or p.manager, p.case_owner, p.customer[0]}
        candidates = [r for r in consult_pool if r not in taken and consult_budget[r] > 0]
        rng.shuffle(candidates)
        for r in candidates[:want]:
            a.consulted.append(r)
            consult_budget[r] -= 1

    # Informed: the case owner wherever it does not do the work itself
    # (ownership/case-owner-continuity); the customer at intake and at the end
    # (policy customer-informed-at-close); never a role that is R, A or C there
    # (raci/conflicting-assignment).
    inform_pool = [s[0] for s in STAKEHOLDERS] + [p.owner] + workers
    for idx, a in enumerate(acts):
        blocked = set(a.responsible) | {a.accountable or p.manager} | set(a.consulted)
        if p.case_owner not in a.responsible:
            a.informed.append(p.case_owner)
        if idx in (0, m - 1) or rng.random() < 0.15:
            a.informed.append(p.customer[0])
        extra = rng.choice([0, 0, 1, 1, 2])
        candidates = [r for r in inform_pool if r not in blocked and r not in a.informed]
        rng.shuffle(candidates)
        a.informed.extend(candidates[:extra])
        assert not (set(a.informed) & blocked), (p.id, a.id)
    acts[m - 1].end = True

    # Flow: decisions that skip ahead, and loops back that can exit forward.
    for idx in range(1, m - 2):
        a = acts[idx]
        r = rng.random()
        if r < 0.13 and idx + 2 <= m - 1:
            ok, skip = rng.choice(FORWARD_WHEN)
            a.branches = [[idx + 1, ok.format(artifact=a.outputs[0], **p.words), None],
                          [idx + 2, skip.format(artifact=a.outputs[0], **p.words), None]]
            if rng.random() < 0.5:
                a.branches.reverse()
        elif r < 0.25 and idx >= 2:
            ok, back = rng.choice(LOOP_WHEN)
            target = rng.randint(max(1, idx - 4), idx - 1)
            a.branches = [[idx + 1, ok.format(**p.words), None],
                          [target, back.format(**p.words), None]]

    p.transitions_need = []
    return p


def shares_role(a, b):
    return bool(set(a.responsible) & set(b.responsible))


def make_handoff(rng, p, source, target, artifact):
    h = Handoff(artifact, rng.choice(EXPECTATIONS).format(
        n=rng.choice([5, 15, 30, 60]), h=rng.choice([1, 2, 4, 8]), d=rng.choice([1, 2, 3, 5]),
        artifact=artifact, **p.words))
    if rng.random() < 0.25:
        h.escalation = rng.choice(["functional", "hierarchic"])
    if rng.random() < 0.2:
        h.informed = [p.customer[0]]
    return h


def supplier_agreement(roles):
    for s in SUPPLIERS:
        if s[0] in roles:
            return s[3]
    return None


def wire_handoffs(rng, p):
    """A handoff on exactly the transitions where responsibility changes
    (handoff/gap, handoff/unneeded), handing over an output of the source that
    the target lists as an input (handoff/artifact-not-produced, -not-consumed)."""
    acts = p.activities
    for idx, a in enumerate(acts):
        if a.end:
            continue
        if a.branches is None:
            b = acts[idx + 1]
            if not shares_role(a, b):
                art = rng.choice(a.outputs)
                a.handoff = make_handoff(rng, p, a, b, art)
                a.handoff.agreement = supplier_agreement(b.responsible)
                add_unique(b.inputs, art)
        else:
            for br in a.branches:
                b = acts[br[0]]
                if not shares_role(a, b):
                    art = rng.choice(a.outputs)
                    br[2] = make_handoff(rng, p, a, b, art)
                    br[2].agreement = supplier_agreement(b.responsible)
                    add_unique(b.inputs, art)


def wire_triggers(rng, plans):
    """Some work activities start another process; the artifact is a request
    for that process, which its first activity takes as an input."""
    n = len(plans)
    if n < 2:
        return
    for p in plans:
        if rng.random() >= 0.4:
            continue
        candidates = [a for a in p.activities if a.kind == "work"]
        if not candidates:
            continue
        for _ in range(rng.randint(1, 2)):
            source = rng.choice(candidates)
            target = plans[rng.randrange(n)]
            if target is p or any(t[0] is target for t in source.triggers):
                continue
            when = rng.choice(TRIGGER_WHEN).format(**p.words)
            handoff = None
            if not shares_role(source, target.activities[0]):
                art = "%s-request" % target.id
                add_unique(source.outputs, art)
                handoff = Handoff(art, "The %s of %s picks the request up within %d business hours." % (
                    "process manager", target.name, rng.choice([2, 4, 8])))
            source.triggers.append((target, when, handoff))


def write_procedure(rng, p, a):
    steps = []
    artifact = a.outputs[0]
    for _ in range(rng.randint(3, 5)):
        verb = rng.choice(VERBS)
        obj = rng.choice(OBJECTS).format(artifact=artifact, **p.words)
        purpose = rng.choice(PURPOSES).format(**p.words)
        step = "%s %s %s." % (verb, obj, purpose)
        if rng.random() < 0.35:
            step += " " + rng.choice(CLAUSES).format(**p.words)
        steps.append(step)
    a.procedure = steps


# ---------------------------------------------------------------------------
# What the time rules ask of every corpus (issue 21)
# ---------------------------------------------------------------------------

LONG_BUDGETS = {"1d", "2d", "5d"}


def keep_customers_informed(p):
    """The customer hears from the case at every other step and at every long one, so no stretch without news
    (tell/customer-silence) outlasts a day: between two steps that tell them lie at most a few steps of 8 hours."""
    for idx, a in enumerate(p.activities):
        if (idx % 2 == 0 or a.target in LONG_BUDGETS) and p.customer[0] not in a.informed:
            a.informed.append(p.customer[0])


def chase_suppliers(p):
    """Every supplier step has a timer that escalates (time/wait-without-timeout): after 4 hours the case skips two
    steps ahead, with a handoff when that changes hands."""
    acts = p.activities
    m = len(acts)
    for idx, a in enumerate(acts):
        if a.kind != "supplier" or getattr(a, "timeout", None) or idx + 2 >= m:
            continue
        to = idx + 2
        handoff = None
        if not shares_role(a, acts[to]):
            art = a.outputs[0]
            handoff = Handoff(art, "The receiving team takes over the overdue work within 30 minutes.")
            add_unique(acts[to].inputs, art)
        a.timeout = (to, "4h", handoff)


# ---------------------------------------------------------------------------
# Time data (--timed, issue 21)
# ---------------------------------------------------------------------------

PRIORITIES = ["p1", "p2", "p3", "p4"]
STEP_BUDGETS = ["90s", "10m", "15m", "30m", "1h", "4h", "8h", "1d", "2d", "5d"]


def per_priority(trng, base):
    """A per-priority duration: P1 and P2 faster than `base`, the rest `base`."""
    p1 = trng.choice(["90s", "5m", "10m", "15m"])
    p2 = trng.choice(["10m", "30m", "1h"])
    return "{p1: %s, p2: %s, default: %s}" % (p1, p2, base)


def add_time_data(trng, p):
    """Adds time data to a planned process, drawing only from `trng`, so the rest of the plan (drawn from the main
    stream) is unchanged."""
    acts = p.activities
    m = len(acts)
    p.timed = True
    for a in acts:
        a.timed_target = per_priority(trng, a.target or trng.choice(STEP_BUDGETS))
        for h in ([a.handoff] if a.handoff else []) + [br[2] for br in (a.branches or []) if br[2]]:
            h.within = trng.choice(["15m", "30m", "1h", "4h", "{p1: 15m, p2: 1h, default: 4h}"])
    # Interrupting timers: on every supplier step and on about 2% of the other middle steps, made `type: wait`;
    # the timer skips ahead to a step 2 to 6 further on.
    for idx in range(1, m - 8):
        a = acts[idx]
        draw = trng.random()
        if (a.kind != "supplier" and draw >= 0.02) or getattr(a, "timeout", None):
            continue
        if a.kind != "supplier":
            a.step_type = "wait"
        to = idx + trng.randint(2, 6)
        handoff = None
        if not shares_role(a, acts[to]):
            art = a.outputs[0]
            handoff = Handoff(art, "The receiving team takes over the overdue work within 30 minutes.")
            handoff.within = "30m"
            add_unique(acts[to].inputs, art)
        a.timeout = (to, trng.choice(["4h", "8h", "{p1: 1h, p2: 2h, default: 4h}"]), handoff)
    ids = [a.id for a in acts]
    p.time_targets = [
        dict(id="first-response", name="First response", frm=0, to="{start: %s}" % ids[min(m - 1, 5)],
             within="{p1: 15m, p2: 1h, p3: 4h, p4: 1d}"),
        dict(id="triage", name="Triage complete", frm=1, to=ids[min(m - 1, m // 10)],
             within="{p1: 1d, p2: 3d, default: 10d}"),
        dict(id="restore", name="Restore service", frm=0, to=ids[m // 2],
             within="{p1: 4h, p2: 8h, p3: 3bd, p4: 5bd}"),
        dict(id="business-resolution", name="Resolution in business time", frm=m // 10, to=ids[(3 * m) // 4],
             within="{p1: 10bd, default: 40bd}", clock="business"),
        dict(id="late-review", name="Review under way", frm=m // 2, to="{start: %s}" % ids[m - 2],
             within="30d"),
        dict(id="closure", name="Closure", frm=0, to=ids[m - 1],
             within="{p1: 2w, p2: 4w, default: 3mo}"),
    ]
    for t in p.time_targets:
        t["from"] = ids[t.pop("frm")]


# ---------------------------------------------------------------------------
# Rendering
# ---------------------------------------------------------------------------

def role_list(w, indent, key, roles, rng):
    if not roles:
        return
    if len(roles) == 1 and key in ("responsible", "accountable") and rng.random() < 0.8:
        w.field(indent, key, scalar(roles[0]))
    elif rng.random() < 0.85:
        w.field(indent, key, flow_list(roles))
    else:
        w.line(" " * indent + key + ":")
        for r in roles:
            w.line(" " * indent + "  - " + scalar(r))


def render_handoff(w, indent, h):
    w.line(" " * indent + "handoff:")
    w.field(indent + 2, "artifact", scalar(h.artifact))
    w.text(indent + 2, "expectation", h.expectation)
    if getattr(h, "within", None):
        w.field(indent + 2, "within", h.within)
    if h.informed:
        w.field(indent + 2, "informed", flow_list(h.informed))
    if h.escalation:
        w.field(indent + 2, "escalation", h.escalation)
    if h.agreement:
        w.field(indent + 2, "agreement", scalar(h.agreement))


def render_process(rng, p):
    w = Writer()
    key, domain_name, record, case = [d for d in DOMAINS if d[0] == p.domain][0]
    w.line("# %s: generated by Benchmarks/generate-corpus.py for the speed benchmark." % p.name)
    w.line("# Shaped like a real definition; clean under every rule.")
    w.line("kind: process")
    w.field(0, "id", p.id)
    w.field(0, "name", scalar(p.name))
    w.field(0, "version", str(p.version))
    w.text(0, "purpose", "Handle every %s of the %s scope from the first contact to its closure, "
           "with one owner for the %s at every step and the %s told how it ends." % (
               case, p.name, case, p.customer_word))
    w.field(0, "owner", p.owner)
    w.field(0, "manager", p.manager)
    w.field(0, "case-owner", p.case_owner)
    w.field(0, "tags", flow_list(p.tags))
    w.text(0, "trigger", "The %s asks for it through the portal or the service desk, or another process "
           "starts it with a request." % p.customer_word)
    w.text(0, "outcome", "The %s is closed with a closure code and the %s knows the result." % (case, p.customer_word))
    if getattr(p, "timed", False):
        w.field(0, "priorities", flow_list(PRIORITIES))
        w.line("targets:")
        for t in p.time_targets:
            w.line("  - id: " + t["id"])
            w.field(4, "name", scalar(t["name"]))
            w.field(4, "from", t["from"])
            w.field(4, "to", t["to"])
            w.field(4, "within", t["within"])
            if t.get("clock"):
                w.field(4, "clock", t["clock"])
    w.line("defaults:")
    w.field(2, "accountable", p.manager)
    if p.local_role:
        rid, name, team = p.local_role
        w.line("roles:")
        w.line("  %s: {name: %s, kind: practitioner, team: %s}" % (rid, scalar(name, flow=True), scalar(team, flow=True)))
    w.line("")
    w.line("activities:")
    for idx, a in enumerate(p.activities):
        if idx:
            w.line("")
        w.line("  - id: " + a.id)
        w.field(4, "name", scalar(a.name))
        role_list(w, 4, "responsible", a.responsible, rng)
        if a.accountable:
            w.field(4, "accountable", a.accountable)
        role_list(w, 4, "consulted", a.consulted, rng)
        role_list(w, 4, "informed", a.informed, rng)
        if a.records:
            w.field(4, "records", flow_list(a.records))
        if a.inputs:
            w.field(4, "inputs", flow_list(a.inputs))
        w.field(4, "outputs", flow_list(a.outputs))
        if getattr(a, "step_type", None):
            w.field(4, "type", a.step_type)
        if getattr(a, "timed_target", None):
            w.field(4, "target", a.timed_target)
        elif a.target:
            w.field(4, "target", a.target)
        if a.tags:
            w.field(4, "tags", flow_list(a.tags))
        w.line("    procedure:")
        for step in a.procedure:
            w.item_text(6, step)
        if a.branches is not None:
            w.line("    next:")
            for target, when, h in a.branches:
                w.line("      - to: " + p.activities[target].id)
                w.text(8, "when", when)
                if h:
                    render_handoff(w, 8, h)
        elif a.handoff:
            render_handoff(w, 4, a.handoff)
        if getattr(a, "timeout", None):
            to, after, h = a.timeout
            w.line("    timeout:")
            w.field(6, "after", after)
            w.field(6, "to", p.activities[to].id)
            if h:
                render_handoff(w, 6, h)
        if a.triggers:
            w.line("    triggers:")
            for target, when, h in a.triggers:
                w.line("      - process: " + target.id)
                w.text(8, "when", when)
                if h:
                    render_handoff(w, 8, h)
        if a.end:
            w.field(4, "end", "true")
    if p.opt_in:
        w.line("policies: [customer-informed-at-close]")
    return w.render()


def render_roles(used=None):
    """The catalogue; with `used` (the text of every process written), only the roles some process names, so that
    `raci/unused-catalogue-role` has nothing to say about a small corpus."""
    def keep(rid):
        return used is None or re.search(r"(?<![a-z0-9-])%s(?![a-z0-9-])" % re.escape(rid), used) is not None

    w = Writer()
    w.line("# The role catalogue of the generated corpus (Benchmarks/generate-corpus.py).")
    w.line("kind: roles")
    w.line("roles:")
    for key, domain_name, _, _ in DOMAINS:
        if keep("%s-process-owner" % key):
            w.line("  %s-process-owner:" % key)
            w.field(4, "name", scalar("%s Process Owner" % domain_name))
            w.field(4, "kind", "owner")
            w.field(4, "team", "Service Management Office")
            w.field(4, "contact", quoted("#itsm-process-owners"))
        if keep("%s-manager" % key):
            w.line("  %s-manager:" % key)
            w.field(4, "name", scalar("%s Manager" % domain_name))
            w.field(4, "kind", "manager")
            w.field(4, "team", scalar(domain_name))
            w.field(4, "contact", quoted("#%s-managers" % key))
        if keep("%s-lead" % key):
            w.line("  %s-lead: {name: %s, kind: manager, team: %s}" % (
                key, scalar("%s Team Lead" % domain_name, flow=True), scalar(domain_name, flow=True)))
    if keep(SUPPLIER_MANAGER[0]):
        w.line("  %s:" % SUPPLIER_MANAGER[0])
        w.field(4, "name", SUPPLIER_MANAGER[1])
        w.field(4, "kind", "manager")
        w.field(4, "team", SUPPLIER_MANAGER[2])
        w.field(4, "contact", "vendor-management@example.com")
    for rid, name, team in FRONT_LINE + PRACTITIONERS:
        if keep(rid):
            w.line("  %s:" % rid)
            w.field(4, "name", scalar(name))
            w.field(4, "kind", "practitioner")
            w.field(4, "team", scalar(team))
            w.field(4, "contact", quoted("#" + rid))
    for rid, name, team in CUSTOMERS:
        if keep(rid):
            w.line("  %s: {name: %s, kind: customer, team: %s}" % (rid, scalar(name, flow=True), scalar(team, flow=True)))
    for rid, name, team in STAKEHOLDERS:
        if keep(rid):
            w.line("  %s: {name: %s, kind: stakeholder, team: %s}" % (rid, scalar(name, flow=True), scalar(team, flow=True)))
    for rid, name, team, _ in SUPPLIERS:
        if keep(rid):
            w.line("  %s:" % rid)
            w.field(4, "name", scalar(name))
            w.field(4, "kind", "supplier")
            w.field(4, "team", scalar(team))
            w.field(4, "contact", "noc@%s.example.net" % rid)
    return w.render()


POLICY_LOGGED = """\
# "All work must be logged": nothing is worked without a record, and every
# process names who runs it and who owns each case.
kind: policy
id: work-is-logged
title: All work is logged before it is worked
rationale: >-
  Work done without a record is invisible: nobody can hand it over, its
  clocks never start and reporting is wrong. A process without a manager or
  a case owner leaves the customer without a single point of contact.
severity: error
applies-to:
  all: true
require:
  before:
    first: {records: [%s]}
    then: {any: true}
  process: {has: [manager, case-owner]}
"""

POLICY_CLOSE = """\
# A case ends with the customer told, never silently; and no activity
# consults half the organisation or informs everyone.
kind: policy
id: customer-informed-at-close
title: The customer is informed when a case ends
rationale: >-
  A case closed without a word to the customer is the most common complaint
  in satisfaction surveys. Telling the customer at closure gives them a
  summary and a way to reopen.
severity: error
applies-to:
  tags: [customer-facing]
require:
  all:
    of: {end: true}
    match: {informs-kind: customer}
  max: {consulted: 4, informed: 6}
"""


def render_forked_process(rng, activities_count=200, forks_count=10):
    """One process with parallel work, the shape issue 18 pins for the soundness benchmark: `activities_count`
    activities, `forks_count` forks of 2 or 3 branches nested at most 3 deep, each closed by a `join: all`, with a
    decision that can send the work back inside every branch. Every step is the security analyst's, so the
    handoff rules have nothing to say and the check is clean."""
    acts = []  # [id, name, next-lines]
    forks_left = [forks_count]

    def new(name):
        ident = "step-%03d" % (len(acts) + 1)
        acts.append([ident, name, None])
        return len(acts) - 1

    def chain(length, depth, label):
        """Activities of one branch in order; returns (first index, last index)."""
        first = last = None
        for n in range(length):
            if forks_left[0] > 0 and depth < 3 and n == length // 2 and rng.random() < 0.6:
                start, end = block(depth + 1)
            else:
                start = end = new("%s, step %d" % (label, n + 1))
            if last is not None:
                acts[last][2] = acts[last][2] or ("next", start)
            first = start if first is None else first
            last = end
        # One decision per branch: the work can go back to the branch's first step.
        if length >= 2:
            acts[last][2] = ("decide", first)
        return first, last

    def block(depth):
        forks_left[0] -= 1
        fork = new("Split the work (fork at depth %d)" % depth)
        branches = []
        for b in range(rng.choice([2, 3])):
            branches.append(chain(rng.randint(3, 6), depth, "Branch %d at depth %d" % (b + 1, depth)))
        join = new("Bring the branches together (depth %d)" % depth)
        acts[fork][2] = ("fork", [f for f, _ in branches])
        for _, last in branches:
            kind = acts[last][2]
            if kind and kind[0] == "decide":
                acts[last][2] = ("decide-to", kind[1], join)
            else:
                acts[last][2] = ("next", join)
        return fork, join

    # Each top-level block and the checkpoint after it is one team's work; the case changes hands only between
    # blocks, each time with a handoff.
    teams = ["security-analyst", "network-engineering", "application-support", "infrastructure-ops", "cloud-engineer"]
    owner = {}
    handoffs = {}
    start = new("Log and assess the security incident")
    owner[start] = teams[0]
    last = start
    segment = 0
    while forks_left[0] > 0:
        first_new = len(acts)
        f, j = block(1)
        acts[last][2] = ("next", f)
        s_, e = chain(3, 3, "Checkpoint")
        acts[j][2] = ("next", s_)
        team = teams[segment % len(teams)]
        for i in range(first_new, len(acts)):
            owner[i] = team
        if owner[last] != team:
            handoffs[last] = "findings-%d" % segment
        last = e
        segment += 1
    first_new = len(acts)
    while len(acts) < activities_count - 1:
        i = new("Follow-up step %d" % (len(acts) + 1))
        acts[last][2] = ("next", i)
        last = i
    end = new("Close the security incident")
    acts[last][2] = ("next", end)
    for i in range(first_new, len(acts)):
        owner[i] = "security-manager"
    previous = [k for k, v in enumerate(acts) if v[2] and v[2][0] == "next" and v[2][1] == first_new]
    for k in previous:
        handoffs[k] = "findings-final"
    received = {}
    for k, artifact in handoffs.items():
        received[acts[k][2][1]] = artifact

    w = Writer()
    w.line("# Generated by Benchmarks/generate-corpus.py --forked-process: %d activities, %d forks." % (len(acts), forks_count))
    w.line("kind: process")
    w.line("id: security-parallel-response")
    w.line("name: Security Incident Response with parallel work")
    w.line("owner: security-process-owner")
    w.line("manager: security-manager")
    w.line("case-owner: security-manager")
    w.line("defaults:")
    w.line("  accountable: security-manager")
    w.line("activities:")
    for n, (ident, name, nxt) in enumerate(acts):
        w.line("  - id: %s" % ident)
        w.field(4, "name", scalar(name))
        w.field(4, "responsible", owner[n])
        if n == 0:
            w.field(4, "records", "[security-incident]")
        if n in received:
            w.field(4, "inputs", "[%s]" % received[n])
        if n in handoffs:
            w.field(4, "outputs", "[%s]" % handoffs[n])
        if name.startswith("Bring the branches together"):
            w.field(4, "join", "all")
        if n == len(acts) - 1:
            w.field(4, "informed", "[affected-user]")
            w.field(4, "end", "true")
            continue
        kind = nxt[0]
        if kind == "next":
            w.field(4, "next", acts[nxt[1]][0])
        elif kind == "fork":
            w.field(4, "next", "{all: %s}" % flow_list([acts[t][0] for t in nxt[1]]))
        elif kind in ("decide", "decide-to"):
            back = acts[nxt[1]][0]
            onward = acts[nxt[2]][0] if kind == "decide-to" else None
            w.line("    next:")
            w.line("      - {to: %s, when: The findings call for another pass.}" % back)
            if onward:
                w.line("      - {to: %s, when: This line of work is done.}" % onward)
        if n in handoffs:
            w.line("    handoff: {artifact: %s, expectation: The next team starts within 4 hours.}" % handoffs[n])
    return w.render(), len(acts)


def write_file(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def check_plan(p):
    """The invariants the rules check, asserted here so a generator change that
    breaks one fails at once, before procdef is even run."""
    acts = p.activities
    m = len(acts)
    counts = {}
    for a in acts:
        assert len(a.consulted) <= 4
        assert len(a.informed) <= 6, (p.id, a.id, a.informed)
        acc = a.accountable or p.manager
        assert not set(a.consulted) & (set(a.responsible) | {acc})
        assert not set(a.informed) & (set(a.responsible) | {acc} | set(a.consulted))
        for r in a.responsible:
            counts.setdefault(("R", r), 0)
            counts[("R", r)] += 1
        if a.accountable:
            counts.setdefault(("A", a.accountable), 0)
            counts[("A", a.accountable)] += 1
        for r in a.consulted:
            counts.setdefault(("C", r), 0)
            counts[("C", r)] += 1
    if m >= 4:
        limits = {"R": 0.7, "A": 0.5, "C": 0.6}
        for (letter, role), n in counts.items():
            assert n <= limits[letter] * m, (p.id, letter, role, n, m)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--processes", type=int, default=500, help="number of process files (default 500)")
    ap.add_argument("--activities", type=int, default=12, help="activities per process (default 12)")
    ap.add_argument("--single-process-activities", type=int, metavar="N",
                    help="write one process of N activities (a long chain with loops back) instead")
    ap.add_argument("--forked-process", action="store_true",
                    help="write one process of 200 activities with 10 nested forks (the soundness benchmark) instead")
    ap.add_argument("--timed", action="store_true",
                    help="with --single-process-activities: add time data (priorities, targets, timers; issue 21)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--out", required=True, help="output folder (replaced if it exists)")
    args = ap.parse_args()

    if args.forked_process:
        out = args.out
        if os.path.exists(out):
            shutil.rmtree(out)
        os.makedirs(out)
        text, count = render_forked_process(random.Random(args.seed))
        write_file(os.path.join(out, "roles.yaml"), render_roles(text))
        write_file(os.path.join(out, "Processes", "security-parallel-response.yaml"), text)
        print("wrote one process of %d activities with 10 forks + roles.yaml to %s" % (count, out), file=sys.stderr)
        return

    if args.single_process_activities is not None:
        count, per = 1, args.single_process_activities
    else:
        count, per = args.processes, args.activities
    if count < 1 or per < 1:
        ap.error("--processes and --activities must be at least 1")
    if args.timed and (args.single_process_activities is None or per < 12):
        ap.error("--timed needs --single-process-activities of at least 12")

    rng = random.Random(args.seed)
    plans = []
    for n in range(count):
        domain = DOMAINS[n % len(DOMAINS)] if count > 1 else rng.choice(DOMAINS)
        variant = rng.choice(VARIANTS)
        plans.append(plan_process(rng, n + 1, per, domain, variant, long_chain=args.single_process_activities is not None))
    for p in plans:
        wire_handoffs(rng, p)
    wire_triggers(rng, plans)
    for p in plans:
        for a in p.activities:
            write_procedure(rng, p, a)
        check_plan(p)
        keep_customers_informed(p)
        chase_suppliers(p)
    if args.timed:
        trng = random.Random("timed-%d" % args.seed)
        for p in plans:
            add_time_data(trng, p)

    out = args.out
    if os.path.exists(out):
        shutil.rmtree(out)
    os.makedirs(out)
    records = ", ".join(sorted({d[2] for d in DOMAINS}))
    write_file(os.path.join(out, "Policies", "work-is-logged.yaml"), POLICY_LOGGED % records)
    write_file(os.path.join(out, "Policies", "customer-informed-at-close.yaml"), POLICY_CLOSE)
    total = 0
    texts = []
    for p in plans:
        text = render_process(rng, p)
        texts.append(text)
        total += len(text.encode("utf-8"))
        write_file(os.path.join(out, "Processes", p.domain, p.id + ".yaml"), text)
    # The policies name roles too (the customer kind, by kind only), so only the processes decide which roles stay.
    write_file(os.path.join(out, "roles.yaml"), render_roles("\n".join(texts)))
    print("wrote %d process%s (%d activities each, %d bytes) + roles.yaml + 2 policies to %s" % (
        count, "" if count == 1 else "es", per, total, out), file=sys.stderr)


if __name__ == "__main__":
    main()
