const state = { me: null, charts: {} };

// One bar chart per map of label -> count; redrawn in place on each refresh.
function bars(id, map, noneId, noneText) {
  const labels = Object.keys(map), values = Object.values(map);
  if (noneId) $(noneId).textContent = labels.length ? '' : noneText;
  if (state.charts[id]) {
    state.charts[id].data.labels = labels;
    state.charts[id].data.datasets[0].data = values;
    state.charts[id].update();
    return;
  }
  state.charts[id] = new Chart($(id), {
    type: 'bar',
    data: { labels, datasets: [{ label: 'Nombre', data: values, backgroundColor: '#1f4e79' }] },
    options: { indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } }
  });
}

async function refresh() {
  try {
    const f = await api('/api/dashboard');
    show('board', true);
    $('feedback').className = 'message hidden';
    $('at').textContent = 'au ' + frenchDate(f.at);
    $('toConfirm').textContent = f.invoicesToConfirm;
    $('awaiting').textContent = f.invoicesAwaitingFunder;
    $('awaitingAmount').textContent = euros(f.invoicesAwaitingFunderCents) + ' HT';
    $('unpaid').textContent = euros(f.invoicesAcceptedUnpaidCents);
    $('surveys').textContent = f.overdueSurveys;
    bars('phases', f.dossiersByPhase);
    bars('funders', f.dossiersByFunder);
    bars('overdue', f.overdueTasksByStep, 'overdueNone', 'Aucune tâche en retard.');
    bars('incidents', f.incidentsByActivity, 'incidentsNone', 'Aucun incident.');
  } catch (error) {
    show('board', false);
    if (error.status === 401) say('feedback', false, "Vous n'êtes pas connecté(e).", [], 'Connectez-vous dans Tasklist, puis rechargez cette page.');
    else fail('feedback', error);
  }
}

refresh();
setInterval(refresh, 30000);
