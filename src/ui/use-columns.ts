// The terminal width, updated live when the terminal is resized.
import { useStdout } from 'ink';
import { useEffect, useState } from 'react';

export const DEFAULT_COLUMNS = 80;

export function useColumns(): number {
  const { stdout } = useStdout();
  const [columns, setColumns] = useState(stdout.columns || DEFAULT_COLUMNS);
  useEffect(() => {
    const onResize = (): void => setColumns(stdout.columns || DEFAULT_COLUMNS);
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  return columns;
}
