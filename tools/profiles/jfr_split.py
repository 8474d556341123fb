#!/usr/bin/env python3
"""Where a flight recording's CPU samples go: documents, Formaflow's code inside and outside engine commands, and the
engine's own work (flush, authorization checks, the rest).

    python3 tools/profiles/jfr_split.py recording.jfr

Record with whole stacks (-XX:FlightRecorderOptions:stackdepth=1024): with JFR's default of 64 frames the outer frames
that say whether a sample ran inside an engine command are cut off. Needs the JDK's `jfr` tool on the PATH.
"""
import collections
import re
import subprocess
import sys

DOCUMENTS = ('fr.formaflow.documents.PdfDocument', 'fr.formaflow.documents.DossierPapers', 'Pdf.render',
             'fr.formaflow.documents.PdfA', 'org.apache.pdfbox', 'org.mustangproject')
NOT_FORMAFLOW_WORK = ('fr.formaflow.process.TaskBoundary$FormOnlyCompletion', 'fr.formaflow.bench.', 'fr.formaflow.support.',
                      'fr.formaflow.security.AsSystem')
COMMAND = 'org.camunda.bpm.engine.impl.interceptor.CommandContextInterceptor.execute'


def category(frames):
    """frames: leaf first."""
    stack = ' '.join(frames)
    if any(marker in stack for marker in DOCUMENTS):
        return 'documents (PDFs; the lifecycle times them apart)'
    commands = [i for i, frame in enumerate(frames) if frame.startswith(COMMAND)]
    if commands:
        inside = frames[:max(commands)]
        formaflow = [f for f in inside if f.startswith('fr.formaflow.') and not f.startswith(NOT_FORMAFLOW_WORK)]
        if any('UserTasks.notify' in f for f in formaflow):
            return 'in an engine command: the task listener (UserTasks.notify)'
        if any('ShownValues' in f or 'DossierTasks.shown' in f for f in formaflow):
            return 'in an engine command: the values a form shows'
        if formaflow:
            return 'in an engine command: Formaflow delegates, listeners, grants'
        if any('DbSqlSession.flush' in f or 'DbEntityManager.flush' in f for f in inside):
            return 'engine: flush (inserts, updates, deletes)'
        if any('AuthorizationManager' in f for f in inside):
            return 'engine: authorization checks'
        return 'engine: the rest (execution tree, queries, history, parsing)'
    if any(f.startswith('fr.formaflow.') and not f.startswith(NOT_FORMAFLOW_WORK) for f in frames):
        return 'Formaflow outside engine commands (REST controllers, services, JPA)'
    if any(f.startswith(('fr.formaflow.bench', 'fr.formaflow.support', 'org.openjdk.jmh')) for f in frames):
        return 'benchmark driver'
    return 'other (Tomcat, Spring Security, Jersey, JVM)'


def main(recording):
    printed = subprocess.run(['jfr', 'print', '--events', 'jdk.ExecutionSample', '--stack-depth', '1024', recording],
                             capture_output=True, text=True, check=True).stdout
    counts = collections.Counter()
    for sample in printed.split('jdk.ExecutionSample'):
        frames = re.findall(r'^\s+([\w.$<>]+)\(', sample, re.M)
        if frames:
            counts[category(frames)] += 1
    total = sum(counts.values())
    print(f'{total} samples')
    for name, count in counts.most_common():
        print(f'{count * 100 / total:5.1f} %  {name}')


if __name__ == '__main__':
    main(sys.argv[1])
