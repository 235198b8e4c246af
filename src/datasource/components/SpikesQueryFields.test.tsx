import { fireEvent, render, screen } from '@testing-library/react';
import React from 'react';

import { QueryType } from '../../shared/queryTypes';
import type { StabilityQuery } from '../types';
import { parseWeights, SpikesQueryFields } from './SpikesQueryFields';

describe('SpikesQueryFields', () => {
  it('shows the defaults as placeholders and saves only what the user sets', () => {
    const update = jest.fn();
    const query: StabilityQuery = { refId: 'A', queryType: QueryType.Spikes };
    render(<SpikesQueryFields query={query} scrapeInterval="5s" update={update} onRunQuery={jest.fn()} />);

    expect(screen.getByPlaceholderText('http_server_request_duration_seconds')).toHaveValue('');
    expect(screen.getByPlaceholderText('http_client_request_duration_seconds')).toBeInTheDocument();
    expect(screen.getByPlaceholderText('5s')).toBeInTheDocument(); // the step: the data source's scrape interval
    expect(screen.getByPlaceholderText('4 × step')).toBeInTheDocument();
    expect(screen.getByPlaceholderText('30')).toBeInTheDocument();
    expect(screen.getByPlaceholderText('3')).toBeInTheDocument();

    fireEvent.change(screen.getByPlaceholderText('30'), { target: { value: '40' } });
    expect(update).toHaveBeenLastCalledWith({ windowSamples: 40 }, false);
    fireEvent.change(screen.getByPlaceholderText('5s'), { target: { value: '30s' } });
    expect(update).toHaveBeenLastCalledWith({ step: '30s' }, false);
  });
});

describe('parseWeights', () => {
  it.each([
    ['', undefined],
    ['gc_cycle_rate=0.25, threads = 1', { gc_cycle_rate: 0.25, threads: 1 }],
    ['gc_cycle_rate=', null],
    ['goroutines=1', null], // a symptom, not a cause signal
    ['threads=-1', null],
  ])('reads %j', (text, expected) => expect(parseWeights(text)).toEqual(expected));
});
