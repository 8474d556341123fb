#!/usr/bin/env python3
"""Issue 26, replayed on the sources: pairs of packages that import each other (from the `import fr.formaflow.` lines,
as the issue counted them), packages that import Camunda, what security/ holds, and the size of each BPMN plane."""
import collections, glob, os, re, xml.etree.ElementTree as ET

ROOT = os.path.join(os.path.dirname(__file__), '..', '..')
SRC = os.path.join(ROOT, 'src/main/java/fr/formaflow')

deps = collections.defaultdict(set)
camunda = collections.Counter()
for path in glob.glob(SRC + '/**/*.java', recursive=True):
    package = os.path.relpath(path, SRC).split(os.sep)[0]
    text = open(path, encoding='utf-8').read()
    for target in re.findall(r'^import (?:static )?fr\.formaflow\.(\w+)\.', text, re.M):
        if target != package:
            deps[package].add(target)
    if re.search(r'^import (?:static )?org\.camunda\.', text, re.M):
        camunda[package] += 1
pairs = sorted({tuple(sorted((a, b))) for a in deps for b in deps[a] if a in deps.get(b, ())})
print('packages importing each other:', len(pairs), pairs)
print('files importing org.camunda, by package:', dict(sorted(camunda.items())))
print('security/:', sorted(os.path.basename(p) for p in glob.glob(SRC + '/security/*.java')))

DI = '{http://www.omg.org/spec/BPMN/20100524/DI}'
for f in sorted(glob.glob(os.path.join(ROOT, 'processes/*.bpmn'))):
    for plane in ET.parse(f).getroot().iter(DI + 'BPMNPlane'):
        xs, ys = [], []
        for b in plane.iter('{http://www.omg.org/spec/DD/20100524/DC}Bounds'):
            x, y, w, h = (float(b.get(k)) for k in ('x', 'y', 'width', 'height'))
            xs += [x, x + w]; ys += [y, y + h]
        for wp in plane.iter('{http://www.omg.org/spec/DD/20100524/DI}waypoint'):
            xs.append(float(wp.get('x'))); ys.append(float(wp.get('y')))
        print('%-32s %-36s %5d x %4d' % (os.path.basename(f), plane.get('bpmnElement'), max(xs) - min(xs), max(ys) - min(ys)))
text = open(os.path.join(ROOT, 'processes/training-dossier.bpmn'), encoding='utf-8').read()
print('validation user tasks drawn in training-dossier.bpmn:', len(re.findall(r'<bpmn:userTask id="Task_Validate', text)),
      '; calls of step-validation.bpmn:', text.count('calledElement="stepValidation"'),
      '; places that set the phase:', text.count('dossierPhases.enter'))
