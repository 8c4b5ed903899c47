import sys, glob, collections, xml.etree.ElementTree as ET
outcomes = collections.Counter()
reasons = collections.Counter()
for path in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    for r in ET.parse(path).getroot().iter():
        if not r.tag.endswith("UnitTestResult"):
            continue
        outcome = r.get("outcome", "")
        outcomes[outcome] += 1
        if outcome == "NotExecuted":
            message = next((m.text for m in r.iter() if m.tag.endswith("Message") and m.text), "no reason given")
            reasons[message.strip()] += 1
for reason, n in reasons.most_common():
    print(f"skipped {n}: {reason}")
failed = outcomes["Failed"] + outcomes["Error"] + outcomes["Timeout"] + outcomes["Aborted"]
print(f"{outcomes['Passed']} passed, {failed} failed, {outcomes['NotExecuted']} skipped")
