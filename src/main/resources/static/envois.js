// The portage platform's outbox: the invoices e-mailed to the OPCOs (GET /api/portage/outbox), a failed one sent again.
async function load() {
  try {
    const lines = await api('/api/portage/outbox');
    state.me = true;
    show('outbox', true);
    fillRows($('dispatches'), lines, d => [
      frenchDate(d.sentAt),
      d.invoiceNumber,
      d.contractNumber,
      d.client,
      d.fundingAgreementReference,
      d.recipient + ' <' + d.recipientEmail + '>',
      euros(d.grossCents),
      d.statusLabel + (d.error ? ' : ' + d.error : ''),
      d.status === 'FAILED' ? resendButton(d) : ''
    ], "Aucune facture n'a encore été envoyée à un OPCO.", 9);
  } catch (error) {
    if (error.status === 401) showLogin(); else fail('feedback', error);
  }
}

function resendButton(dispatch) {
  const button = el('button', { type: 'button', textContent: 'Renvoyer' });
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const again = await api('/api/portage/outbox/' + dispatch.id + '/resend', { method: 'POST' });
      say('feedback', again.status === 'SENT', 'Facture ' + again.invoiceNumber + ' : ' + again.statusLabel
        + (again.error ? ' — ' + again.error : '') + '.');
      await load();
    } catch (error) {
      fail('feedback', error);
      button.disabled = false;
    }
  });
  return button;
}

load();
