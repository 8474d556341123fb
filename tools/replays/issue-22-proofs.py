"""Replays issue 22's findings against a fresh demo on localhost:8080 (loopback only).

Run: rm -rf data && ./mvnw spring-boot:run &   then   python3 tools/replays/issue-22-proofs.py
"""
import base64, datetime, json, time, urllib.request, urllib.error, uuid

BASE = "http://localhost:8080"
OTHER = __import__("os").environ.get("OTHER_ORGANISATION_USER", "paul.roux")  # a second organisation (Cévennes Gestion)


def call(user, method, path, body=None, raw=None, ctype="application/json"):
    data = raw if raw is not None else (None if body is None else json.dumps(body).encode())
    req = urllib.request.Request(BASE + path, method=method, data=data)
    req.add_header("Authorization", "Basic " + base64.b64encode(f"{user}:formaflow".encode()).decode())
    req.add_header("Content-Type", ctype)
    try:
        with urllib.request.urlopen(req) as r:
            text = r.read().decode()
            return r.status, (json.loads(text) if text.strip() else None)
    except urllib.error.HTTPError as e:
        text = e.read().decode()
        try:
            return e.code, json.loads(text)
        except ValueError:
            return e.code, text


def V(v):
    return {"value": v, "type": "Boolean" if isinstance(v, bool) else "Integer" if isinstance(v, int) else "String"}


def J(v):
    return {"value": json.dumps(v), "type": "Json"}


def task(user, key, task_key):
    for _ in range(60):  # documents and months are prepared asynchronously
        tasks = call(user, "GET", f"/engine-rest/task?processInstanceBusinessKey={key}&taskDefinitionKey={task_key}")[1]
        if tasks:
            return tasks[0]
        time.sleep(0.5)
    raise AssertionError(f"no {task_key} for {user}")


def submit(user, key, task_key, variables):
    return call(user, "POST", f"/engine-rest/task/{task(user, key, task_key)['id']}/submit-form", {"variables": variables})


def month_task(user, key, month):
    """The « Déclarer les heures du mois » task of that month (a dossier entered late has several open)."""
    for _ in range(60):
        for t in call(user, "GET", f"/engine-rest/task?processInstanceBusinessKey={key}&taskDefinitionKey=Task_DeclareMonth")[1]:
            if call(user, "GET", f"/engine-rest/task/{t['id']}/form-variables?variableNames=month")[1].get("month", {}).get("value") == month:
                return t
        time.sleep(0.5)
    raise AssertionError(f"no declaration task for {month}")


def complete(user, key, task_key, variables):
    status, body = submit(user, key, task_key, variables)
    assert status == 204, (task_key, status, body)


def said(label, result):
    status, body = result
    message = body.get("message", "") if isinstance(body, dict) else (body or "")
    print(f"{label}: {status} {message[:1500]}")


PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj "
       b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")


def upload(user, dossier, doc_type, trainer=None, month=None):
    boundary = uuid.uuid4().hex
    parts = [("type", doc_type)] + ([("trainerId", str(trainer))] if trainer else []) + ([("month", month)] if month else [])
    body = b"".join(f"--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n".encode() for k, v in parts)
    body += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{doc_type}.pdf\"\r\n"
             "Content-Type: application/pdf\r\n\r\n").encode() + PDF + f"\r\n--{boundary}--\r\n".encode()
    status, answer = call(user, "POST", f"/api/dossiers/{dossier}/documents", raw=body, ctype=f"multipart/form-data; boundary={boundary}")
    assert status == 201, (doc_type, status, answer)


def programme(title, start, end, trainers):
    return {"title": V(title), "objectives": V("Objectifs"), "content": V("Module 1 (70 h), module 2 (70 h)"), "formacode": V("46352"),
            "nature": V("ACTION_DE_FORMATION"), "collective": V("true"), "hoursCentre": V(140), "hoursCompany": V(0),
            "plannedStart": V(start), "plannedEnd": V(end), "location": V("Montpellier"), "totalTrainees": V(3), "paidTrainees": V(3),
            "priceCentreEuros": V("2940,00"), "priceCompanyEuros": V("0,00"), "unitCostCentreEuros": V("7,00"),
            "unitCostCompanyEuros": V("0,00"), "periods": J([{"place": "CENTRE", "start": start, "end": end}]),
            "clients": J([{"name": "Théâtre des Treize Vents", "siret": "77566820500013",
                           "address": "Domaine de Grammont, 34000 Montpellier", "email": "formation@13vents.fr"}]),
            "subcontractors": J([]), "trainers": J(trainers)}


ROCHER_MEUNIER = [{"lastName": "Rocher", "firstName": "Yves", "domain": "Son", "status": "CDD", "hours": 70, "experience": "15 ans"},
                  {"lastName": "Meunier", "firstName": "Jacques", "domain": "Lumière", "status": "VACATAIRE", "hours": 70, "experience": "Éclairagiste"}]

def report(user, slug):
    """A CSV report (« ; », French headers, BOM) as a list of dicts."""
    req = urllib.request.Request(BASE + f"/api/reports/{slug}.csv")
    req.add_header("Authorization", "Basic " + base64.b64encode(f"{user}:formaflow".encode()).decode())
    with urllib.request.urlopen(req) as r:
        lines = r.read().decode("utf-8-sig").splitlines()
    header = [h.strip('"') for h in lines[0].split(";")]
    return [dict(zip(header, [c.strip('"') for c in line.split(";")])) for line in lines[1:] if line.strip()]


def iso(french):
    d, m, y = french.split("/")
    return f"{y}-{m}-{d}"


mine = {d["title"]: d for d in call("marie.durand", "GET", "/api/dossiers")[1]}
closed, to_fix = mine["Régisseur son et lumière"], mine["Technicien plateau"]

print("== 1. Émargement signé : le dossier clôturé de la démo, et une confirmation sans preuve")
checklist = call("marie.durand", "GET", f"/api/dossiers/{closed['id']}/checklist")[1]
for step in checklist:
    for item in step["items"]:
        if "émargement" in item["label"].lower():
            print(f"   {closed['contractNumber']} — {item['label']} : {'✓' if item['present'] else '✗'}")
blocking = [f for f in call("marie.durand", "GET", f"/api/dossiers/{closed['id']}/consistency")[1] if f.get("severity") == "BLOCKING"]
print(f"   contrôle de cohérence de {closed['contractNumber']} : {len(blocking)} point bloquant")
page = call("marie.durand", "GET", f"/api/dossiers/{to_fix['id']}")[1]
hours = call("marie.durand", "GET", f"/engine-rest/task/{task('marie.durand', to_fix['contractNumber'], 'Task_DeclareMonth')['id']}"
             "/form-variables?variableNames=hours&deserializeValues=false")[1]["hours"]["value"]
said(f"   confirmation du mois de {to_fix['contractNumber']} sans feuille signée",
     submit("marie.durand", to_fix["contractNumber"], "Task_DeclareMonth", {"hours": {"value": hours, "type": "Json"}, "confirmed": V(True)}))

print("== 2. Pièces d'un dossier à l'autre")
status, fresh = call("marie.durand", "POST", "/api/dossiers", {"funderCode": "OCCITANIE", "title": "Rejeu issue 22", "programmingYear": 2026})
complete("marie.durand", fresh["contractNumber"], "Task_SubmitDossier", programme("Rejeu issue 22", "2027-01-04", "2027-02-26", ROCHER_MEUNIER))
complete("claire.fabre", fresh["contractNumber"], "CallActivity_ValidateSubmission", {"decision": V("APPROVE")})
new_page = call("marie.durand", "GET", f"/api/dossiers/{fresh['id']}")[1]
print(f"   nouveau dossier {fresh['contractNumber']} (Rocher et Meunier, comme le dossier clôturé) : pièces listées : "
      f"{[(d['type'], d['filename']) for d in new_page['documents']]}")
# the contract task's checklist, as its « Dossier » panel shows it in Tasklist (issue 23)
workspace = call("marie.durand", "GET", f"/api/tasks/{task('marie.durand', fresh['contractNumber'], 'Task_Contract')['id']}/workspace")[1]
print("   liste de la contractualisation :", " | ".join(("✔ " if r["present"] else "✘ ") + r["label"] for r in workspace["checklist"]))

print("== 3. Personnes dans deux actions aux mêmes dates")
opening = report("marie.durand", "stagiaires-ouverture")
closed_trainees = [t for t in opening if t["Contrat"] == closed["contractNumber"]]
fix_trainees = [t for t in opening if t["Contrat"] == to_fix["contractNumber"]]
names = lambda rows: sorted(f"{t['Prénom']} {t['Nom']}" for t in rows)
print("   stagiaires des deux dossiers de la démo :", names(closed_trainees), "/", names(fix_trainees))
print("   formateurs :", sorted(t["name"] for t in page["trainers"]), "/",
      sorted(t["name"] for t in call("marie.durand", "GET", f"/api/dossiers/{closed['id']}")[1]["trainers"]))
status, other = call(OTHER, "POST", "/api/dossiers", {"funderCode": "OCCITANIE", "title": "Régie de tournée", "programmingYear": 2026})
key = other["contractNumber"]
start = iso(next(a for a in report("marie.durand", "actions") if a["Contrat"] == closed["contractNumber"])["Début prévu"])
end = (datetime.date.fromisoformat(start) + datetime.timedelta(days=53)).isoformat()
complete(OTHER, key, "Task_SubmitDossier", programme("Régie de tournée", start, end,
                                                           [{"lastName": "Blanc", "firstName": "Nora", "domain": "Régie", "status": "CDD",
                                                             "hours": 140, "experience": "10 ans"}]))
complete("claire.fabre", key, "CallActivity_ValidateSubmission", {"decision": V("APPROVE")})
other_page = call(OTHER, "GET", f"/api/dossiers/{other['id']}")[1]
upload(OTHER, other["id"], "SIGNED_AGREEMENT")
for t in other_page["trainers"]:
    for doc_type in ("TRAINER_CONTRACT", "TRAINER_CHARTER", "TRAINER_CV", "TRAINER_ID"):
        upload(OTHER, other["id"], doc_type, t["id"])
complete(OTHER, key, "Task_Contract", {"documentsConfirmed": V(True)})
complete("claire.fabre", key, "CallActivity_ValidateContract", {"decision": V("APPROVE")})


def trainee(t, entry):
    return {"civility": "M", "lastName": t["Nom"], "firstName": t["Prénom"], "birthDate": t["Date de naissance"],
            "sex": "M", "nationality": "FR", "address": "1 rue Foch", "postcode": "34000", "city": "Montpellier",
            "entryDate": entry, "remunerationBody": "France Travail", "entryLevel": "4", "ageBracket": "FROM_26_TO_44",
            "unemploymentDuration": "UNDER_6_MONTHS", "prescriber": "France Travail", "paid": True}


said(f"   {key} (second organisme) inscrit les stagiaires du dossier clôturé aux mêmes dates",
     submit(OTHER, key, "Task_EnterTrainees", {"trainees": J([trainee(dict(t, **{"Date de naissance": iso(t["Date de naissance"])}), start)
                                                                     for t in closed_trainees])}))
people = [trainee({"Nom": f"{n} {key[-4:]}", "Prénom": "Rejeu", "Date de naissance": f"1985-0{i}-1{i}"}, start)
          for i, n in enumerate(["Alpha", "Bravo", "Charlie"], 1)]
complete(OTHER, key, "Task_EnterTrainees", {"trainees": J(people)})
complete("claire.fabre", key, "CallActivity_ValidateTrainees", {"decision": V("APPROVE")})
complete(OTHER, key, "Task_OpenAction", {"realStart": V(start), "paymentMode": V("MONTHLY")})
complete("claire.fabre", key, "CallActivity_ValidateOpening", {"decision": V("APPROVE")})
time.sleep(15)  # the months of a dossier entered late open, and their passed deadlines postpone them, in the background

print("== 4. Absences justifiées sans justificatif")
month = start[:7]
declare = month_task(OTHER, key, month)
ids = [json.loads(r)["traineeId"] if isinstance(r, str) else r["traineeId"] for r in json.loads(
    call(OTHER, "GET", f"/engine-rest/task/{declare['id']}/form-variables?variableNames=hours&deserializeValues=false")[1]["hours"]["value"])]
rows = [{"traineeId": i, "centreCompleted": 60, "centreJustified": 3.5} for i in ids]
upload(OTHER, other["id"], "ATTENDANCE_SHEET", month=month)
said(f"   {key}, {month} : 3,5 h d'absence justifiée par stagiaire, sans détail ni justificatif",
     call(OTHER, "POST", f"/engine-rest/task/{declare['id']}/submit-form", {"variables": {"hours": J(rows), "confirmed": V(True)}}))
first_day = datetime.date.fromisoformat(start)
absences = [{"traineeId": i, "start": first_day.isoformat(), "end": first_day.isoformat(), "reason": "Maladie (arrêt de travail)",
             "place": "CENTRE", "hours": 3.5} for i in ids]
upload(OTHER, other["id"], "ABSENCE_PROOF", month=month)
said("   détaillées et justifiées", call(OTHER, "POST", f"/engine-rest/task/{declare['id']}/submit-form",
                                      {"variables": {"hours": J(rows), "absences": J(absences), "confirmed": V(True)}}))

print("== 5. Premier numéro de facture d'un second organisme, paiement daté dans le futur")
said("   le second organisme confirme sa première facture", submit(OTHER, key, "Task_ConfirmInvoice", {"confirmed": V(True)}))
invoice = call(OTHER, "GET", f"/api/dossiers/{other['id']}")[1]["invoices"][0]
print(f"   numéro attribué : {invoice['number']} (Scènes et Formations a déjà ses propres F2026-…)")
complete("claire.fabre", key, "Task_ValidateInvoice", {"decision": V("APPROVE")})
later = (datetime.date.today() + datetime.timedelta(days=9)).isoformat()
said(f"   paiement enregistré au {later}", submit("claire.fabre", key, "Task_RecordPayment", {"paymentDate": V(later), "paymentReference": V("VIR-22")}))
said("   paiement enregistré à la date du jour", submit("claire.fabre", key, "Task_RecordPayment",
                                                        {"paymentDate": V(datetime.date.today().isoformat()), "paymentReference": V("VIR-22")}))

print("== 6. Solde à 0,00 € du dossier clôturé")
for i in call("marie.durand", "GET", f"/api/dossiers/{closed['id']}")[1]["invoices"]:
    euros, cents = divmod(i["netCents"], 100)  # whole cents, never a float
    print(f"   {i['kind']:<9} n° {i['number']}  {euros},{cents:02d} €  {i['status']}")
