import { screen } from '@testing-library/react';
import { refusalTexts } from '@sesali/shared';
import { bffHandlers } from '@sesali/mocks/bff-api';
import { renderApp } from '@/testing/render-app';
import { server } from '@/testing/msw-server';

describe('access refused page', () => {
  it.each(Object.entries(refusalTexts))(
    'shows the FAQ wording of %s and links to its help entry',
    async (reason, text) => {
      server.use(...bffHandlers(null));
      renderApp(`/acces-refuse?raison=${reason}`);
      expect(await screen.findByTestId('refusal-reason')).toHaveTextContent(text.faq);
      expect(screen.getByText(text.action)).toBeInTheDocument();
      expect(screen.getByRole('link', { name: /Pourquoi ne puis-je pas me connecter/ })).toHaveAttribute(
        'href',
        `/aide#${text.faqAnchor}`,
      );
    },
  );

  it('does not trust an unknown reason from the URL', async () => {
    server.use(...bffHandlers(null));
    renderApp('/acces-refuse?raison=<script>alert(1)</script>');
    expect(await screen.findByText('Votre accès au service a été refusé.')).toBeInTheDocument();
    expect(screen.queryByText(/script/)).not.toBeInTheDocument();
  });
});
