import { connectedRuntime, useGraph } from './meta-helpers';

const server = useGraph();

it('smoke', () => {
  const { rt } = connectedRuntime(server());
  const result = rt.runFromSidebar('runMonthClose', { month: '2025-10' });
  console.log(JSON.stringify(result).slice(0, 2000));
  console.log(rt.counters);
});
