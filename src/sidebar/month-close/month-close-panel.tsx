/** The month-close panel (issue 9): placeholder until the server contract lands. */
import { defineMessages } from '../i18n';
import type { Panel } from '../panel';
import { useMessages } from '../ui';

const messages = defineMessages({
  en: { comingSoon: 'Available in a later release.' },
  es: { comingSoon: 'Disponible en una próxima versión.' },
});

function MonthClosePanel() {
  const t = useMessages(messages);
  return <p class="secondary">{t('comingSoon')}</p>;
}

export const monthClosePanel: Panel = {
  id: 'monthClosePanel',
  title: { en: 'Month close', es: 'Cierre de mes' },
  Component: MonthClosePanel,
};
