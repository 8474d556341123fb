"""Issue 29, live: on a running demo (./mvnw spring-boot:run, job executor on), a Région dossier entered a year late
(its months December 2025 – January 2026 long over) is driven to its opening through the REST API as its users would,
then what the engine does by itself is counted for 60 s. Loopback only."""
import base64, json, time, urllib.request, urllib.error, uuid
BASE = "http://localhost:8080"

def call(user, method, path, body=None, raw=None, ctype="application/json"):
    data = raw if raw is not None else (None if body is None else json.dumps(body).encode())
    req = urllib.request.Request(BASE + path, method=method, data=data)
    req.add_header("Authorization", "Basic " + base64.b64encode(f"{user}:formaflow".encode()).decode())
    req.add_header("Content-Type", ctype)
    try:
        with urllib.request.urlopen(req) as r:
            text = r.read().decode(); return r.status, (json.loads(text) if text.strip() else None)
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()

def V(v):
    return {"value": v, "type": "Boolean" if isinstance(v, bool) else "Integer" if isinstance(v, int) else "String"}

def J(v):
    return {"value": json.dumps(v), "type": "Json"}

def complete(user, key, task_key, variables):
    for _ in range(40):  # documents are generated asynchronously before some tasks
        tasks = call(user, "GET", f"/engine-rest/task?processInstanceBusinessKey={key}&taskDefinitionKey={task_key}")[1]
        if tasks:
            break
        time.sleep(0.5)
    assert tasks, f"no {task_key} for {user}"
    status, body = call(user, "POST", f"/engine-rest/task/{tasks[0]['id']}/submit-form", {"variables": variables})
    assert status == 204, (task_key, status, body)
    print(f"  {task_key} ({user}) → {status}")

PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj "
       b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")

def upload(dossier, doc_type, trainer=None):
    boundary = uuid.uuid4().hex
    parts = [("type", doc_type)] + ([("trainerId", str(trainer))] if trainer else [])
    body = b"".join(f"--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n".encode() for k, v in parts)
    body += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{doc_type}.pdf\"\r\n"
             "Content-Type: application/pdf\r\n\r\n").encode() + PDF + f"\r\n--{boundary}--\r\n".encode()
    status, answer = call("marie.durand", "POST", f"/api/dossiers/{dossier}/documents", raw=body, ctype=f"multipart/form-data; boundary={boundary}")
    assert status == 201, (doc_type, status, answer)

def counts():
    get = lambda path: call("operateur", "GET", path)[1]["count"]
    past = time.strftime("%Y-%m-%dT%H:%M:%S.000+0000", time.gmtime(time.time() - 60))
    return {"activity instances": get("/engine-rest/history/activity-instance/count"),
            "deadlines passed": get("/engine-rest/history/activity-instance/count?activityId=Timer_DeadlinePassed"),
            "postponements": get("/engine-rest/history/activity-instance/count?activityId=Task_PostponeMonth"),
            "reminders": get("/engine-rest/history/activity-instance/count?activityId=Task_SendReminder"),
            "timers due before now": get("/engine-rest/job/count?timers=true&dueDates=lt_" + urllib.parse.quote(past))}

import urllib.parse
status, dossier = call("marie.durand", "POST", "/api/dossiers", {"funderCode": "OCCITANIE", "title": "Dossier saisi en retard", "programmingYear": 2025})
key = dossier["contractNumber"]; did = dossier["id"]
print("dossier", key, "(début réel 01/12/2025)")
complete("marie.durand", key, "Task_SubmitDossier", {
    "title": V("Dossier saisi en retard"), "objectives": V("Objectifs"), "content": V("Programme"), "formacode": V("45054"),
    "nature": V("ACTION_DE_FORMATION"), "collective": V("true"), "hoursCentre": V(140), "hoursCompany": V(0),
    "plannedStart": V("2025-12-01"), "plannedEnd": V("2026-01-23"), "location": V("Montpellier"), "totalTrainees": V(2),
    "paidTrainees": V(2), "priceCentreEuros": V("1960,00"), "priceCompanyEuros": V("0,00"), "unitCostCentreEuros": V("7,00"),
    "unitCostCompanyEuros": V("0,00"), "periods": J([{"place": "CENTRE", "start": "2025-12-01", "end": "2026-01-23"}]),
    "clients": J([{"name": "Théâtre des Treize Vents", "siret": "77566820500013", "address": "Domaine de Grammont, 34000 Montpellier", "email": "formation@13vents.fr"}]),
    "subcontractors": J([]), "trainers": J([{"lastName": "Rocher", "firstName": "Yves", "domain": "Accessoires", "status": "CDD", "hours": 140, "experience": "12 ans"}])})
complete("claire.fabre", key, "CallActivity_ValidateSubmission", {"decision": V("APPROVE")})
page = call("marie.durand", "GET", f"/api/dossiers/{did}")[1]
upload(did, "SIGNED_AGREEMENT")
upload(did, "SUBCONTRACTING_CONTRACT")  # still asked without a subcontractor: issue 22
for t in page["trainers"]:
    for doc_type in ("TRAINER_CONTRACT", "TRAINER_CHARTER", "TRAINER_CV", "TRAINER_ID"):
        upload(did, doc_type, t["id"])
complete("marie.durand", key, "Task_Contract", {"documentsConfirmed": V(True)})
complete("claire.fabre", key, "CallActivity_ValidateContract", {"decision": V("APPROVE")})
trainees = [{"civility": "MME", "lastName": f"Retard{c}", "firstName": "Anna", "birthDate": "1990-05-1" + str(i), "sex": "F",
             "nationality": "FR", "address": f"{i} rue de la Paix", "postcode": "34000", "city": "Montpellier", "entryDate": "2025-12-01",
             "remunerationBody": "France Travail", "entryLevel": "4", "ageBracket": "FROM_26_TO_44",
             "unemploymentDuration": "UNDER_6_MONTHS", "prescriber": "France Travail", "paid": True} for i, c in enumerate("AB", 1)]
complete("marie.durand", key, "Task_EnterTrainees", {"trainees": J(trainees)})
complete("claire.fabre", key, "CallActivity_ValidateTrainees", {"decision": V("APPROVE")})
complete("marie.durand", key, "Task_OpenAction", {"realStart": V("2025-12-01"), "paymentMode": V("MONTHLY")})
before = counts()
started = time.time()
complete("claire.fabre", key, "CallActivity_ValidateOpening", {"decision": V("APPROVE")})
print("t=0  ", before)
for t in (10, 20, 40, 60):
    time.sleep(max(0, started + t - time.time()))
    print(f"t={t:<3}", counts())
months = call("marie.durand", "GET", f"/engine-rest/task?processInstanceBusinessKey={key}&taskDefinitionKey=Task_DeclareMonth")[1]
print("« Déclarer les heures du mois » ouvertes :", len(months))
for m in months:
    print("  ", m["name"], "—", (m.get("description") or "").split("En retard")[-1].strip()[:120])
